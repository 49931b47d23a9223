import { randomUUID } from 'node:crypto';
import type { ChatMessage, ModLogEntry, ModSubject, Removal } from '../../../shared/events';
import type { Clock, TimerHandle } from '../clock';

/**
 * How long a moderation the service reports waits before it is logged: long enough for our own request's
 * answer (its echo is then dropped) and for EventSub to name the moderator an IRC CLEARCHAT does not name.
 */
export const ECHO_WINDOW_MS = 3_000;
/** Entries remembered for matching (a burst of bans stays well under it). */
const REMEMBERED = 500;
export const ANOTHER_MODERATOR = 'another moderator';

/** Timeouts and bans are one thing to match (IRC reports a ban we sent as a timeout only by its duration). */
const GROUPS: ReadonlyMap<string, string> = new Map([
  ['timeout', 'restrict'],
  ['ban', 'restrict'],
  ['unban', 'lift'],
  ['untimeout', 'lift'],
]);

/** `sourceId|group|target` keys an entry can be matched by: message id, and the user's login and id. */
function keysOf(entry: ModLogEntry): string[] {
  const group = GROUPS.get(entry.action) ?? entry.action;
  const message = /^message (.+)$/.exec(entry.target)?.[1];
  const targets =
    entry.action === 'delete'
      ? [message ?? entry.target]
      : [entry.target, entry.subject?.login, entry.subject?.userId].filter((t): t is string => !!t);
  return targets.map((t) => `${entry.sourceId}|${group}|${t.toLowerCase()}`);
}

interface Pending {
  entry: ModLogEntry;
  timer: TimerHandle;
  /** Which report of an action to keep: EventSub's entry (reason, moderator) > a named removal > unnamed. */
  rank: number;
}

/**
 * Moderation the services report (IRC CLEARCHAT/CLEARMSG, EventSub `channel.moderate`, ChatKC deletes) as
 * mod-log entries: each once, by the named moderator when a service names one, and never a second time for
 * an action of ours the service echoes back (matched by message id or user within ECHO_WINDOW_MS).
 */
export class ServiceModLog {
  private readonly pending = new Map<string, Pending>();
  /** Key → when it was last logged (ours or the service's). */
  private readonly logged = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly record: (entry: ModLogEntry) => void,
    private readonly findMessage: (sourceId: string, messageId: string) => ChatMessage | undefined = () =>
      undefined,
  ) {}

  /** Our own action, logged by the handler: cancels the service's echo of it. */
  own(entry: ModLogEntry): void {
    if (entry.result !== 'ok') return;
    for (const key of keysOf(entry)) {
      this.drop(key);
      this.remember(key);
    }
  }

  /** A `modlog` event from a provider (EventSub names the moderator). */
  serviceEntry(entry: ModLogEntry): void {
    this.hold(entry, 2);
  }

  /** A removal the service confirmed; local-only hides are not moderation on the service. */
  removal(removal: Removal): void {
    if (!removal.confirmed) return;
    this.hold(entryOfRemoval(removal, this.findMessage), removal.by ? 1 : 0);
  }

  private hold(entry: ModLogEntry, rank: number): void {
    const keys = keysOf(entry);
    const now = this.clock.now();
    if (keys.some((k) => now - (this.logged.get(k) ?? -Infinity) < ECHO_WINDOW_MS)) return;
    const earlier = keys.map((k) => this.pending.get(k)).find((p) => p !== undefined);
    // Two reports of one action (IRC and EventSub, or EventSub's removal and its log line): the richer wins.
    if (earlier && earlier.rank >= rank) return;
    if (earlier) keysOf(earlier.entry).forEach((k) => this.drop(k));
    const pending: Pending = {
      entry,
      rank,
      timer: this.clock.setTimeout(() => this.flush(pending), ECHO_WINDOW_MS),
    };
    for (const key of keys) this.pending.set(key, pending);
  }

  private flush(pending: Pending): void {
    for (const key of keysOf(pending.entry)) {
      if (this.pending.get(key) === pending) this.pending.delete(key);
      this.remember(key);
    }
    this.record(pending.entry);
  }

  private drop(key: string): void {
    const pending = this.pending.get(key);
    if (!pending) return;
    this.clock.clearTimeout(pending.timer);
    for (const k of keysOf(pending.entry)) if (this.pending.get(k) === pending) this.pending.delete(k);
  }

  private remember(key: string): void {
    this.logged.delete(key);
    this.logged.set(key, this.clock.now());
    if (this.logged.size > REMEMBERED) this.logged.delete(this.logged.keys().next().value as string);
  }
}

/** The log entry of a removal: who (when the service said), what, to whom, for how long. */
function entryOfRemoval(
  removal: Removal,
  findMessage: (sourceId: string, messageId: string) => ChatMessage | undefined,
): ModLogEntry {
  const { target, source } = removal;
  let subject: ModSubject | undefined;
  let targetText = source.channel;
  if (target.type === 'message') {
    const message = findMessage(source.sourceId, target.messageId);
    targetText = `message ${target.messageId}`;
    if (message) {
      const { id: userId, login, displayName } = message.author;
      subject = { userId, login, displayName, messageText: message.text.slice(0, 500) };
    }
  } else if (target.type === 'user') {
    targetText = target.login ?? target.userId ?? '';
    subject = { userId: target.userId, login: target.login, seconds: removal.durationSeconds };
  }
  return {
    id: randomUUID(),
    at: removal.at,
    sourceId: source.sourceId,
    actor: removal.by ?? ANOTHER_MODERATOR,
    action: removal.reason,
    target: targetText,
    detail: removal.durationSeconds ? `${removal.durationSeconds}s` : undefined,
    result: 'ok',
    subject,
  };
}
