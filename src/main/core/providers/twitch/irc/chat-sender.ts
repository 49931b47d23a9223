import { randomBytes } from 'node:crypto';
import type { ActionResult, SendRequest } from '../../../../../shared/api';
import type { ChatMessage, Notice, SourceRef } from '../../../../../shared/events';
import { lookupTable } from '../../../../../shared/lookup';
import type { Clock, TimerHandle } from '../../../clock';
import type { IrcMessage } from './irc-parser';
import { TAG } from './irc-tags';
import { toBadges, rolesOf } from './map-chat';
import { buildParts } from './message-parts';
import { SlidingWindowLimiter } from './sliding-window';
import { splitMessage } from './split-message';
import { decodeBadges } from './tag-decode';

export interface SendLimits {
  /** Messages per window for a normal user / for the broadcaster or a moderator. */
  normal: number;
  privileged: number;
  windowMs: number;
  /** Identical text within this long is refused locally (non-privileged senders only). */
  duplicateMs: number;
  /** How long to wait for Twitch's USERSTATE or NOTICE about a sent line. */
  confirmMs: number;
  /** Most chunks waiting to be sent; more are refused, never dropped silently. */
  maxQueued: number;
}

export const defaultSendLimits: SendLimits = {
  normal: 20,
  privileged: 100,
  windowMs: 30_000,
  duplicateMs: 30_000,
  confirmMs: 10_000,
  maxQueued: 200,
};

interface Outgoing {
  text: string;
  replyTo?: string;
  request: PendingRequest;
  timer: TimerHandle | null;
}

interface PendingRequest {
  remaining: number;
  done: boolean;
  resolve(result: ActionResult): void;
}

export interface SenderHost {
  ref: SourceRef;
  clock: Clock;
  /** Write a raw line on the current connection; false when there is none. */
  write(line: string): boolean;
  emit(event: ChatMessage | Notice): void;
  login(): string | null;
  localId(): string;
}

/** Keyed by the NOTICE `msg-id` (service data): a Map, so `constructor` or `__proto__` find nothing. */
const SEND_ERRORS = lookupTable<ActionResult & { ok: false }>({
  msg_duplicate: {
    ok: false,
    code: 'rejected',
    message: 'Twitch refused a duplicate message (identical to your previous one within 30 seconds).',
  },
  msg_ratelimit: {
    ok: false,
    code: 'rate-limited',
    message: 'Twitch refused the message: sending too quickly.',
  },
  msg_slowmode: { ok: false, code: 'rate-limited', message: 'The channel is in slow mode.' },
  msg_banned: { ok: false, code: 'forbidden', message: 'You are banned from this channel.' },
  msg_timedout: { ok: false, code: 'forbidden', message: 'You are timed out in this channel.' },
});

/**
 * Sending chat over IRC: splits long texts, queues (never drops silently), keeps Twitch's rate limit
 * (20 or 100 per 30 s), refuses duplicates locally, and resolves each send with Twitch's verdict
 * (USERSTATE with `id` = sent; NOTICE msg_* = refused). Our own lines are not echoed by IRC, so they are
 * emitted here as own ChatMessages.
 */
export class ChatSender {
  private readonly queue: Outgoing[] = [];
  private readonly inFlight: Outgoing[] = [];
  private readonly limiter: SlidingWindowLimiter;
  private privileged = false;
  private lastText = '';
  private lastTextAt = -Infinity;
  private pumpTimer: TimerHandle | null = null;
  private nonceCounter = 0;

  constructor(
    private readonly channel: string,
    private readonly host: SenderHost,
    private readonly limits: SendLimits = defaultSendLimits,
  ) {
    // Twitch counts from when it receives a line, we from when we write it: a 1/15 safety margin
    // (30 s → 32 s, as twurple does) keeps clock skew and latency from tripping msg_ratelimit.
    this.limiter = new SlidingWindowLimiter(limits.normal, Math.round((limits.windowMs * 16) / 15));
  }

  /** From USERSTATE badges/mod: the broadcaster and moderators get the higher limit and no duplicate rule. */
  setPrivileged(privileged: boolean): void {
    this.privileged = privileged;
    this.limiter.setLimit(privileged ? this.limits.privileged : this.limits.normal);
  }

  get queued(): number {
    return this.queue.length + this.inFlight.length;
  }

  send(request: SendRequest): Promise<ActionResult> {
    const now = this.host.clock.now();
    const text = request.text.trim();
    if (!text) return Promise.resolve({ ok: false, code: 'bad-request', message: 'The message is empty.' });
    if (!this.privileged && text === this.lastText && now - this.lastTextAt < this.limits.duplicateMs) {
      const message = 'Not sent: Twitch drops a message identical to your previous one within 30 seconds.';
      this.host.emit(this.failureNotice(message));
      return Promise.resolve({ ok: false, code: 'rejected', message });
    }
    const chunks = splitMessage(text);
    if (this.queue.length + chunks.length > this.limits.maxQueued) {
      return Promise.resolve({
        ok: false,
        code: 'rate-limited',
        message: 'Too many messages waiting to be sent.',
      });
    }
    this.lastText = text;
    this.lastTextAt = now;
    return new Promise<ActionResult>((resolve) => {
      const pending: PendingRequest = { remaining: chunks.length, done: false, resolve };
      for (const chunk of chunks) {
        this.queue.push({ text: chunk, replyTo: request.replyTo, request: pending, timer: null });
      }
      this.pump();
    });
  }

  /** Write what the rate limit allows now; wake up when the next slot frees. */
  pump(): void {
    this.host.clock.clearTimeout(this.pumpTimer);
    this.pumpTimer = null;
    while (this.queue.length > 0) {
      const wait = this.limiter.delay(this.host.clock.now());
      if (wait > 0) {
        this.pumpTimer = this.host.clock.setTimeout(() => this.pump(), wait);
        return;
      }
      const next = this.queue[0];
      if (!this.host.write(this.lineFor(next))) return; // offline: stays queued until the next connection
      this.queue.shift();
      this.limiter.record(this.host.clock.now());
      next.timer = this.host.clock.setTimeout(() => this.expire(next), this.limits.confirmMs);
      this.inFlight.push(next);
    }
  }

  private lineFor(item: Outgoing): string {
    this.nonceCounter += 1;
    const nonce = `${randomBytes(12).toString('hex')}${this.nonceCounter.toString(16).padStart(8, '0')}`;
    const reply = item.replyTo ? `;reply-parent-msg-id=${item.replyTo.replace(/[;\s\\]/g, '')}` : '';
    return `@client-nonce=${nonce}${reply} PRIVMSG #${this.channel} :${item.text}`;
  }

  /** USERSTATE after our PRIVMSG: the oldest line in flight was accepted with this id. */
  confirm(userState: IrcMessage): void {
    const id = userState.tag(TAG.id);
    const item = this.inFlight.shift();
    if (!id || !item) return;
    this.host.clock.clearTimeout(item.timer);
    this.host.emit(this.ownMessage(item, id, userState));
    this.settle(item, null);
  }

  /** A NOTICE msg_* about our oldest line in flight. Returns true when it concerned a send. */
  refuse(code: string, text: string): boolean {
    const item = this.inFlight.shift();
    if (!item) return false;
    this.host.clock.clearTimeout(item.timer);
    const known = SEND_ERRORS.get(code);
    const failure: ActionResult & { ok: false } = known
      ? { ...known, message: text || known.message }
      : { ok: false, code: 'rejected', message: text || code };
    this.settle(item, failure, false); // the NOTICE itself already reached the mod window
    return true;
  }

  /** The connection dropped: lines in flight have an unknown fate; queued ones wait for the next connection. */
  connectionLost(): void {
    for (const item of this.inFlight.splice(0)) {
      this.host.clock.clearTimeout(item.timer);
      this.settle(item, {
        ok: false,
        code: 'offline',
        message: 'The connection dropped before Twitch confirmed the message.',
      });
    }
  }

  stop(): void {
    this.connectionLost();
    this.host.clock.clearTimeout(this.pumpTimer);
    for (const item of this.queue.splice(0)) {
      this.settle(item, {
        ok: false,
        code: 'offline',
        message: 'Twitch chat was stopped before the message was sent.',
      });
    }
  }

  private expire(item: Outgoing): void {
    const index = this.inFlight.indexOf(item);
    if (index < 0) return;
    this.inFlight.splice(index, 1);
    this.settle(item, { ok: false, code: 'offline', message: 'Twitch did not confirm the message in time.' });
  }

  private settle(item: Outgoing, failure: (ActionResult & { ok: false }) | null, announce = true): void {
    const request = item.request;
    if (request.done) return;
    if (failure) {
      request.done = true;
      // Later chunks of the same text are withdrawn: half a message is worse than none.
      for (let i = this.queue.length - 1; i >= 0; i--)
        if (this.queue[i].request === request) this.queue.splice(i, 1);
      if (announce) this.host.emit(this.failureNotice(failure.message));
      request.resolve(failure);
      return;
    }
    request.remaining -= 1;
    if (request.remaining === 0) {
      request.done = true;
      request.resolve({ ok: true, local: false });
    }
  }

  private failureNotice(text: string): Notice {
    const at = this.host.clock.now();
    return {
      kind: 'notice',
      id: this.host.localId(),
      source: this.host.ref,
      level: 'error',
      code: 'send-failed',
      text,
      at,
    };
  }

  private ownMessage(item: Outgoing, id: string, userState: IrcMessage): ChatMessage {
    const login = this.host.login() ?? '';
    const badges = decodeBadges(userState.tag(TAG.badges));
    const color = userState.tag(TAG.color);
    const now = this.host.clock.now();
    return {
      kind: 'chat',
      id,
      source: this.host.ref,
      author: {
        id: '',
        login,
        displayName: userState.tag(TAG['display-name']) || login,
        color: color && /^#[0-9a-f]{6}$/i.test(color) ? color : null,
        badges: toBadges(badges, decodeBadges(userState.tag(TAG['badge-info']))),
        roles: rolesOf(userState, badges),
      },
      parts: buildParts(item.text, []),
      text: item.text,
      flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false, own: true },
      reply: item.replyTo ? { parentId: item.replyTo, parentAuthor: '', parentText: '' } : null,
      serverTime: now,
      receivedAt: now,
      targetable: true,
    };
  }
}
