import type { ActionResult, ModAction, SendRequest } from '../../../../shared/api';
import type { Capability, ChatMessage, OnAirEvent, SourceRef } from '../../../../shared/events';
import type { DemoSourceConfig } from '../../../../shared/settings';
import type { ChatSource, SourceContext } from '../source';
import { StatusReporter } from '../status-reporter';
import { generateAlert } from './alert-generator';
import { DemoChatGenerator, type FollowUp } from './chat-generator';
import { actLocally, SilenceList } from './demo-moderation';
import { FollowUpQueue } from './follow-ups';
import { buildDemoMessage } from './message-factory';
import { createRng, mulberry32, type RandomFn } from './prng';
import { createSelfAuthor } from './viewers';

export const DEMO_LABEL = 'Demo chat (not a real chat)';
export const DEMO_CAPABILITIES: Capability[] = ['send', 'reply', 'delete', 'timeout', 'ban', 'unban'];

/** Timers never fire more often than this: at high rates each tick emits a small batch. */
const MIN_TICK_MS = 50;
/** After the process slept, catch up at most this much chat instead of flooding. */
const MAX_CATCH_UP_MS = 5000;
const RECENT_LIMIT = 500;

function pickRandom(config: DemoSourceConfig, random?: RandomFn): RandomFn {
  if (random) return random;
  return config.seed > 0 ? mulberry32(config.seed) : Math.random;
}

/**
 * The offline demo chat: believable viewers, emotes, badges, replies, alerts and the odd mod action, all
 * generated locally from `ctx.clock` and a (seedable) PRNG. Moderation and sending act locally only.
 */
export function createDemoSource(
  config: DemoSourceConfig,
  ctx: SourceContext,
  deps: { random?: () => number } = {},
): ChatSource {
  const ref: SourceRef = { sourceId: config.id, provider: 'demo', channel: 'demo' };
  const { clock } = ctx;
  const rng = createRng(pickRandom(config, deps.random));
  const reporter = new StatusReporter(ref, DEMO_LABEL, ctx.emit, clock, {
    demo: true,
    capabilities: DEMO_CAPABILITIES,
  });
  const silences = new SilenceList();
  const chat = new DemoChatGenerator(ref, rng, (userId, now) => silences.isSilenced(userId, now));
  const followUps = new FollowUpQueue();
  const recentById = new Map<string, ChatMessage>();
  const self = createSelfAuthor();
  const counts = { messages: 0, alerts: 0 };
  let serial = 0;
  let running = false;
  let timer: ReturnType<typeof clock.setTimeout> | null = null;
  let nextChatAt = 0;
  let nextAlertAt: number | null = null;

  const nextId = (): string => `demo-${++serial}`;
  const meanGapMs = 1000 / config.rate;
  // Exponential gaps give chat its natural bursts and lulls; capped so a lull never looks like a stall.
  const chatGap = (): number => Math.min(5 * meanGapMs, -Math.log(1 - rng.next()) * meanGapMs);
  const alertGap = (): number => config.alertEverySeconds * 1000 * (0.5 + rng.next());

  const emitChat = (message: ChatMessage): void => {
    recentById.set(message.id, message);
    if (recentById.size > RECENT_LIMIT) recentById.delete(recentById.keys().next().value as string);
    counts.messages += 1;
    ctx.emit(message);
    reporter.messageSeen();
  };

  const runFollowUp = (followUp: FollowUp, now: number): void => {
    if (followUp.kind === 'botReply') {
      const bot = chat.bot();
      const text = chat.botReplyText(followUp.command, followUp.to);
      emitChat(
        buildDemoMessage({ id: nextId(), source: ref, author: bot, text, serverTime: now, receivedAt: now }),
      );
      return;
    }
    const base = { kind: 'removal', source: ref, by: followUp.by, confirmed: true, at: now } as const;
    if (followUp.kind === 'delete') {
      ctx.emit({ ...base, target: { type: 'message', messageId: followUp.messageId }, reason: 'delete' });
      return;
    }
    silences.silence(followUp.user.id, now + followUp.seconds * 1000);
    const target = { type: 'user', userId: followUp.user.id, login: followUp.user.login } as const;
    ctx.emit({ ...base, target, reason: 'timeout', durationSeconds: followUp.seconds });
  };

  const emitAlert = (now: number): void => {
    const moderators = chat.moderators();
    const generated = generateAlert(
      {
        source: ref,
        rng,
        nextId,
        viewer: () => rng.pick(chat.viewers().filter((viewer) => !viewer.bot)).author,
        moderator: () => (moderators.length ? rng.pick(moderators).author : self),
      },
      now,
    );
    counts.alerts += 1;
    ctx.emit(generated.alert);
    if (generated.chat) {
      chat.remember(generated.chat);
      emitChat(generated.chat);
    }
  };

  const tick = (): void => {
    timer = null;
    if (!running) return;
    const now = clock.now();
    nextChatAt = Math.max(nextChatAt, now - MAX_CATCH_UP_MS);
    while (nextChatAt <= now) {
      const generated = chat.next(nextId(), Math.floor(nextChatAt), now);
      emitChat(generated.message);
      for (const followUp of generated.followUps) followUps.add(now, followUp);
      nextChatAt += chatGap();
    }
    for (const due of followUps.takeDue(now)) runFollowUp(due.followUp, now);
    if (nextAlertAt !== null && nextAlertAt <= now) {
      emitAlert(now);
      nextAlertAt = now + alertGap();
    }
    reporter.setCounter('messages', counts.messages);
    reporter.setCounter('alerts', counts.alerts);
    schedule(now);
  };

  const schedule = (now: number): void => {
    const due = Math.min(nextChatAt, nextAlertAt ?? Infinity, followUps.nextAt() ?? Infinity);
    timer = clock.setTimeout(tick, Math.max(MIN_TICK_MS, Math.ceil(due - now)));
  };

  const announceStart = (now: number): void => {
    ctx.emit({
      kind: 'notice',
      id: nextId(),
      source: ref,
      level: 'info',
      code: 'demo',
      text: 'Demo chat: every viewer, message and alert here is generated by OnAir. Nothing reaches a real chat.',
      at: now,
    });
    const joined = chat.viewers().map((viewer) => viewer.author.login);
    ctx.emit({ kind: 'presence', source: ref, joined: [...joined, self.login], left: [], reset: true });
  };

  const send = async (request: SendRequest): Promise<ActionResult> => {
    if (!running) return { ok: false, code: 'offline', message: 'The demo chat is stopped.' };
    const parent = request.replyTo ? recentById.get(request.replyTo) : undefined;
    if (request.replyTo && !parent)
      return { ok: false, code: 'not-found', message: 'That message is no longer in the demo chat.' };
    const now = clock.now();
    const reply = parent
      ? { parentId: parent.id, parentAuthor: parent.author.displayName, parentText: parent.text }
      : null;
    const text = parent ? `@${parent.author.login} ${request.text}` : request.text;
    const message = buildDemoMessage({
      id: nextId(),
      source: ref,
      author: self,
      text,
      serverTime: now,
      receivedAt: now,
      flags: { own: true },
      reply,
    });
    chat.remember(message);
    emitChat(message);
    return { ok: true, local: true };
  };

  const act = async (action: ModAction): Promise<ActionResult> => {
    if (!running) return { ok: false, code: 'offline', message: 'The demo chat is stopped.' };
    const emit = (event: OnAirEvent): void => ctx.emit(event);
    return actLocally(action, { source: ref, now: clock.now(), actor: self.login, silences, emit, nextId });
  };

  return {
    ref,
    start() {
      if (running) return;
      running = true;
      const now = clock.now();
      reporter.setState('connecting');
      reporter.setState('connected');
      announceStart(now);
      nextChatAt = now + chatGap();
      // The first alert comes sooner than average, so a fresh demo shows one quickly.
      nextAlertAt = config.alertEverySeconds > 0 ? now + alertGap() / 3 : null;
      ctx.log.info(`demo chat started at ${config.rate} msg/s`);
      schedule(now);
    },
    async stop() {
      running = false;
      clock.clearTimeout(timer);
      timer = null;
      followUps.clear();
      reporter.setState('stopped');
    },
    status: () => reporter.get(),
    act,
    send,
    reconnect() {
      ctx.emit({ ...reporter.get() });
    },
  };
}
