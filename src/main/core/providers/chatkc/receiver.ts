import type { Capability, Identity, NoticeLevel, OnAirEvent, SourceRef } from '../../../../shared/events';
import type { Clock } from '../../clock';
import type { Logger } from '../../log/logger';
import type { StatusReporter } from '../../net/status-reporter';
import type { ChatKcHistory } from './chat-history';
import { serverMessageToText } from './html-text';
import { capabilitiesForLevel, NAME_ERRORS, normaliseLevel, statusNotice } from './levels';
import { toChatMessage, toDonationAlert } from './map-chat';
import { parseServerFrame, type ChatData, type ServerFrame } from './protocol';
import type { RequestQueue } from './requests';

/** The server replays at most this many stored messages after `hello` (docs/protocol-chatkc.md). */
const SERVER_REPLAY_LIMIT = 50;

/** Donations replayed after a reconnect still alert when this recent (missed during the outage). */
const REPLAY_ALERT_MAX_AGE_MS = 5 * 60_000;

export interface ReceiverDeps {
  ref: SourceRef;
  clock: Clock;
  log: Logger;
  emit: (event: OnAirEvent) => void;
  reporter: StatusReporter;
  history: ChatKcHistory;
  hasToken: boolean;
}

/** The per-connection state the receiver needs (a `ChatKcConnection` in production). */
export interface ReceiverConnection {
  readonly requests: RequestQueue;
  /** True from `hello` until the first `join`: chat frames meanwhile are history replay. */
  replaying: boolean;
  presenceStarted: boolean;
}

/** Account state learnt from the server. */
interface AccountState {
  level: number | null;
  name: string | null;
  color: string | null;
  status: string | null;
}

/** Turns validated server frames into OnAir events and keeps the account state (level, name, status). */
export class ChatKcReceiver {
  readonly account: AccountState = { level: null, name: null, color: null, status: null };
  /** False until one connection has finished its history replay (that first replay never alerts). */
  private firstReplayDone = false;
  private serial = 0;
  /** The reconnect replay in progress: what we had seen before it, how much came, its lowest id. */
  private readonly replays = new WeakMap<
    ReceiverConnection,
    { since: number; count: number; lowest: number }
  >();

  constructor(private readonly deps: ReceiverDeps) {}

  handleRaw(raw: string, connection: ReceiverConnection): void {
    const parsed = parseServerFrame(raw);
    if (!parsed.ok) {
      this.deps.reporter.incrementCounter(parsed.problem === 'unknown-type' ? 'unknownFrames' : 'badFrames');
      this.deps.log.debug(`dropped a ${parsed.problem} frame`, parsed.detail);
      return;
    }
    try {
      this.handle(parsed.frame, connection);
    } catch (error) {
      // A frame that passed validation but still broke a mapper is dropped like any other bad frame.
      this.deps.reporter.incrementCounter('badFrames');
      this.deps.log.warn(`dropped a ${parsed.frame.type} frame that could not be handled`, error);
    }
  }

  countBinaryFrame(): void {
    this.deps.reporter.incrementCounter('badFrames');
  }

  capabilities(): Capability[] {
    const { status, level } = this.account;
    if (!this.deps.hasToken || status === 'unauthenticated' || status === 'banned') return [];
    if (status === 'rename') return ['userConf'];
    return level === null ? [] : capabilitiesForLevel(level);
  }

  private handle(frame: ServerFrame, connection: ReceiverConnection): void {
    switch (frame.type) {
      case 'chat':
        return this.chat(frame.data, connection);
      case 'delete':
        connection.requests.onDelete(frame.data.messages);
        return this.removals(frame.data.messages);
      case 'join':
        return this.join(frame.data.name, connection);
      case 'part':
        return this.deps.emit({
          kind: 'presence',
          source: this.deps.ref,
          joined: [],
          left: [frame.data.name],
        });
      case 'accepted':
        return connection.requests.onAccepted();
      case 'servermsg':
        connection.requests.onServerMessage(frame.data.message);
        return this.serverMessage(frame.data.message);
      case 'status':
        connection.requests.onStatus(frame.data.status);
        return this.status(frame.data.status);
      case 'authlevel':
        this.account.level = normaliseLevel(frame.data.value);
        return this.accountChanged();
      case 'getuserconf':
        this.account.name = frame.data.name || null;
        this.account.color = /^[0-9a-fA-F]{6}$/.test(frame.data.color) ? `#${frame.data.color}` : null;
        return this.accountChanged();
    }
  }

  private chat(data: ChatData, connection: ReceiverConnection): void {
    if (data.id !== 0 && this.deps.history.seenBefore(data.id)) {
      this.deps.reporter.incrementCounter('duplicatesDropped');
      return;
    }
    const receivedAt = this.deps.clock.now();
    const message = toChatMessage(data, {
      ref: this.deps.ref,
      receivedAt,
      ownName: this.account.name,
      parent: (id) => this.deps.history.parent(id),
      localId: () => `${this.deps.ref.sourceId}:local:${++this.serial}`,
    });
    if (data.id !== 0 && connection.replaying && this.firstReplayDone)
      this.countReplayed(connection, data.id);
    if (data.id !== 0) this.deps.history.remember(data.id, message.author.displayName, message.text);
    if (message.flags.own && !connection.replaying) connection.requests.onOwnChat();
    this.deps.emit(message);
    this.deps.reporter.messageSeen();
    const alert = toDonationAlert(message);
    if (alert && this.alertsAllowed(connection, data.time, receivedAt)) this.deps.emit(alert);
  }

  private alertsAllowed(connection: ReceiverConnection, serverTime: number, now: number): boolean {
    if (!connection.replaying) return true;
    return this.firstReplayDone && now - serverTime <= REPLAY_ALERT_MAX_AGE_MS;
  }

  private removals(ids: number[]): void {
    const at = this.deps.clock.now();
    for (const id of ids) {
      this.deps.emit({
        kind: 'removal',
        source: this.deps.ref,
        target: { type: 'message', messageId: String(id) },
        reason: 'delete',
        confirmed: true,
        at,
      });
    }
  }

  private join(name: string, connection: ReceiverConnection): void {
    const reset = !connection.presenceStarted;
    connection.presenceStarted = true;
    if (connection.replaying) {
      connection.replaying = false;
      this.firstReplayDone = true;
      this.checkReplayGap(connection);
    }
    this.deps.emit({
      kind: 'presence',
      source: this.deps.ref,
      joined: [name],
      left: [],
      ...(reset ? { reset } : {}),
    });
  }

  private countReplayed(connection: ReceiverConnection, id: number): void {
    const replay = this.replays.get(connection) ?? {
      since: this.deps.history.lastMessageId,
      count: 0,
      lowest: id,
    };
    replay.count++;
    replay.lowest = Math.min(replay.lowest, id);
    this.replays.set(connection, replay);
  }

  /**
   * A full replay that does not start right after the last id we had means more was posted during the outage
   * than the server replays: say so instead of silently showing a gap. (Ids skipped for other reasons, such
   * as deleted messages, can make this a false alarm, hence "may".)
   */
  private checkReplayGap(connection: ReceiverConnection): void {
    const replay = this.replays.get(connection);
    this.replays.delete(connection);
    if (!replay || replay.since < 0 || replay.count < SERVER_REPLAY_LIMIT) return;
    if (replay.lowest <= replay.since + 1) return;
    this.notice(
      'warning',
      `Reconnected after a long outage: ChatKC replays only the last ${SERVER_REPLAY_LIMIT} messages, so earlier ones may be missing.`,
      'history_gap',
    );
  }

  private serverMessage(html: string): void {
    const text = serverMessageToText(html);
    const code = /identical message/i.test(text) ? 'msg_duplicate' : 'servermsg';
    this.notice(code === 'msg_duplicate' ? 'warning' : 'info', text, code);
  }

  private status(status: string): void {
    const previous = this.account.status;
    const answersUser = NAME_ERRORS.has(status) || status === 'setuserconf';
    if (!answersUser) this.account.status = status;
    if (answersUser || previous !== status) {
      const { level, text } = statusNotice(status);
      this.notice(level, text, status);
    }
    if (status === 'banned') this.deps.reporter.setState('failed', 'Banned from this chat');
    else if (status === 'authenticated' && previous === 'banned') this.deps.reporter.setState('connected');
    this.accountChanged();
  }

  private accountChanged(): void {
    const { name, color, level } = this.account;
    const identity: Identity | null = name
      ? { login: name, displayName: name, color, ...(level !== null ? { level } : {}) }
      : null;
    const current = this.deps.reporter.get().identity;
    if (JSON.stringify(current) !== JSON.stringify(identity)) this.deps.reporter.setIdentity(identity);
    this.deps.reporter.setCapabilities(this.capabilities());
  }

  private notice(level: NoticeLevel, text: string, code: string): void {
    const id = `${this.deps.ref.sourceId}:notice:${++this.serial}`;
    this.deps.emit({
      kind: 'notice',
      id,
      source: this.deps.ref,
      level,
      code,
      text,
      at: this.deps.clock.now(),
    });
  }
}
