import type { ActionResult, ModAction, SendRequest } from '../../../../shared/api';
import type { Capability, ChatMessage, OnAirEvent, SourceRef, SourceStatus } from '../../../../shared/events';
import type { DemoSourceConfig } from '../../../../shared/settings';
import type { TimerHandle } from '../../clock';
import type { ChatSource, SourceContext } from '../source';
import { StatusReporter } from '../../net/status-reporter';
import { generateAlert } from './alert-generator';
import { DemoChatGenerator, type FollowUp } from './chat-generator';
import { actLocally, SilenceList } from './demo-moderation';
import { FollowUpQueue } from './follow-ups';
import { buildDemoMessage } from './message-factory';
import { createRng, mulberry32, type RandomFn, type Rng } from './prng';
import { createSelfAuthor } from './viewers';

export const DEMO_LABEL = 'Demo chat (not a real chat)';
export const DEMO_CAPABILITIES: Capability[] = ['send', 'reply', 'delete', 'timeout', 'ban', 'unban'];

/** Timers never fire more often than this: at high rates each tick emits a small batch. */
const MIN_TICK_MS = 50;
/** After the process slept, catch up at most this much chat instead of flooding. */
const MAX_CATCH_UP_MS = 5000;
/** Messages kept for `send({ replyTo })`. */
const RECENT_LIMIT = 500;

/**
 * The offline demo chat source. Randomness: `deps.random` when given, else a seeded PRNG when `config.seed > 0`
 * (same seed + same clock → same events), else `Math.random`.
 */
export function createDemoSource(
  config: DemoSourceConfig,
  ctx: SourceContext,
  deps: { random?: () => number } = {},
): ChatSource {
  const random: RandomFn = deps.random ?? (config.seed > 0 ? mulberry32(config.seed) : Math.random);
  return new DemoSource(config, ctx, createRng(random));
}

const STOPPED: ActionResult = { ok: false, code: 'offline', message: 'The demo chat is stopped.' };

/**
 * The offline demo chat: believable viewers, emotes, badges, replies, alerts and the odd mod action, all
 * generated locally from `ctx.clock` and a (seedable) PRNG. Moderation and sending act locally only.
 */
export class DemoSource implements ChatSource {
  readonly ref: SourceRef;
  private readonly reporter: StatusReporter;
  private readonly silences = new SilenceList();
  private readonly chat: DemoChatGenerator;
  private readonly followUps = new FollowUpQueue();
  private readonly recentById = new Map<string, ChatMessage>();
  private readonly self = createSelfAuthor();
  private readonly counts = { messages: 0, alerts: 0 };
  private serial = 0;
  private running = false;
  private timer: TimerHandle | null = null;
  private nextChatAt = 0;
  private nextAlertAt: number | null = null;

  constructor(
    private readonly config: DemoSourceConfig,
    private readonly ctx: SourceContext,
    private readonly rng: Rng,
  ) {
    this.ref = { sourceId: config.id, provider: 'demo', channel: 'demo' };
    this.reporter = new StatusReporter(this.ref, DEMO_LABEL, ctx.emit, ctx.clock, {
      demo: true,
      capabilities: DEMO_CAPABILITIES,
    });
    this.chat = new DemoChatGenerator(this.ref, rng, (userId, now) => this.silences.isSilenced(userId, now));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const now = this.ctx.clock.now();
    const { login, displayName, color } = this.self;
    this.reporter.setIdentity({ login, displayName, color });
    this.reporter.setState('connected');
    this.announceStart(now);
    this.nextChatAt = now + this.chatGap();
    // The first alert comes sooner than average, so a fresh demo shows one quickly.
    this.nextAlertAt = this.config.alertEverySeconds > 0 ? now + this.alertGap() / 3 : null;
    this.ctx.log.info(`demo chat started at ${this.config.rate} msg/s`);
    this.schedule(now);
  }

  async stop(): Promise<void> {
    this.running = false;
    this.ctx.clock.clearTimeout(this.timer);
    this.timer = null;
    this.followUps.clear();
    this.reporter.setState('stopped');
  }

  status(): SourceStatus {
    return this.reporter.get();
  }

  async act(action: ModAction): Promise<ActionResult> {
    if (!this.running) return STOPPED;
    return actLocally(action, {
      source: this.ref,
      now: this.ctx.clock.now(),
      actor: this.self.login,
      silences: this.silences,
      emit: (event: OnAirEvent) => this.ctx.emit(event),
      nextId: () => this.nextId(),
    });
  }

  async send(request: SendRequest): Promise<ActionResult> {
    if (!this.running) return STOPPED;
    const parent = request.replyTo ? this.recentById.get(request.replyTo) : undefined;
    if (request.replyTo && !parent)
      return { ok: false, code: 'not-found', message: 'That message is no longer in the demo chat.' };
    const now = this.ctx.clock.now();
    const message = buildDemoMessage({
      id: this.nextId(),
      source: this.ref,
      author: this.self,
      text: parent ? `@${parent.author.login} ${request.text}` : request.text,
      serverTime: now,
      receivedAt: now,
      flags: { own: true },
      reply: parent
        ? { parentId: parent.id, parentAuthor: parent.author.displayName, parentText: parent.text }
        : null,
    });
    this.chat.remember(message);
    this.emitChat(message);
    return { ok: true, local: true };
  }

  /** Nothing to reconnect: the status goes out again so the health view refreshes. */
  reconnect(): void {
    this.ctx.emit({ ...this.reporter.get() });
  }

  private nextId(): string {
    this.serial += 1;
    return `demo-${this.serial}`;
  }

  /** Exponential gaps give chat its natural bursts and lulls; capped so a lull never looks like a stall. */
  private chatGap(): number {
    const meanMs = 1000 / this.config.rate;
    return Math.min(5 * meanMs, -Math.log(1 - this.rng.next()) * meanMs);
  }

  private alertGap(): number {
    return this.config.alertEverySeconds * 1000 * (0.5 + this.rng.next());
  }

  private schedule(now: number): void {
    const due = Math.min(this.nextChatAt, this.nextAlertAt ?? Infinity, this.followUps.nextAt() ?? Infinity);
    this.timer = this.ctx.clock.setTimeout(() => this.tick(), Math.max(MIN_TICK_MS, Math.ceil(due - now)));
  }

  /** Emits everything due by now (a batch at high rates), then sleeps until the next thing is due. */
  private tick(): void {
    this.timer = null;
    if (!this.running) return;
    const now = this.ctx.clock.now();
    this.nextChatAt = Math.max(this.nextChatAt, now - MAX_CATCH_UP_MS);
    while (this.nextChatAt <= now) {
      const generated = this.chat.next(this.nextId(), Math.floor(this.nextChatAt), now);
      this.emitChat(generated.message);
      for (const followUp of generated.followUps) this.followUps.add(now, followUp);
      this.nextChatAt += this.chatGap();
    }
    for (const due of this.followUps.takeDue(now)) this.runFollowUp(due.followUp, now);
    if (this.nextAlertAt !== null && this.nextAlertAt <= now) {
      this.emitAlert(now);
      this.nextAlertAt = now + this.alertGap();
    }
    this.reporter.setCounter('messages', this.counts.messages);
    this.reporter.setCounter('alerts', this.counts.alerts);
    this.schedule(now);
  }

  private emitChat(message: ChatMessage): void {
    this.recentById.set(message.id, message);
    const oldest = this.recentById.keys().next();
    if (this.recentById.size > RECENT_LIMIT && !oldest.done) this.recentById.delete(oldest.value);
    this.counts.messages += 1;
    this.ctx.emit(message);
    this.reporter.messageSeen();
  }

  private runFollowUp(followUp: FollowUp, now: number): void {
    const ref = this.ref;
    if (followUp.kind === 'botReply') {
      const text = this.chat.botReplyText(followUp.command, followUp.to);
      const author = this.chat.bot();
      this.emitChat(
        buildDemoMessage({ id: this.nextId(), source: ref, author, text, serverTime: now, receivedAt: now }),
      );
      return;
    }
    // Removals a moderator made on the "service": confirmed, like a CLEARMSG/CLEARCHAT.
    const base = { kind: 'removal', source: ref, by: followUp.by, confirmed: true, at: now } as const;
    if (followUp.kind === 'delete') {
      this.ctx.emit({
        ...base,
        target: { type: 'message', messageId: followUp.messageId },
        reason: 'delete',
      });
      return;
    }
    this.silences.silence(followUp.user.id, now + followUp.seconds * 1000);
    const target = { type: 'user', userId: followUp.user.id, login: followUp.user.login } as const;
    this.ctx.emit({ ...base, target, reason: 'timeout', durationSeconds: followUp.seconds });
  }

  private emitAlert(now: number): void {
    const moderators = this.chat.moderators();
    const viewers = this.chat.viewers().filter((viewer) => !viewer.bot);
    const generated = generateAlert(
      {
        source: this.ref,
        rng: this.rng,
        nextId: () => this.nextId(),
        viewer: () => this.rng.pick(viewers).author,
        moderator: () => (moderators.length ? this.rng.pick(moderators).author : this.self),
      },
      now,
    );
    this.counts.alerts += 1;
    this.ctx.emit(generated.alert);
    if (!generated.chat) return;
    this.chat.remember(generated.chat);
    this.emitChat(generated.chat);
  }

  private announceStart(now: number): void {
    this.ctx.emit({
      kind: 'notice',
      id: this.nextId(),
      source: this.ref,
      level: 'info',
      code: 'demo',
      text: 'Demo chat: every viewer, message and alert here is generated by OnAir. Nothing reaches a real chat.',
      at: now,
    });
    const joined = [...this.chat.viewers().map((viewer) => viewer.author.login), this.self.login];
    this.ctx.emit({ kind: 'presence', source: this.ref, joined, left: [], reset: true });
  }
}
