import type {
  AutoModHold,
  ChatModes,
  ModLogEntry,
  Notice,
  OnAirEvent,
  Presence,
  SourceStatus,
} from '../../../shared/events';
import { ChatHistory } from './chat-history';

export interface HubLimits {
  messages: number;
  notices: number;
  automod: number;
  modlog: number;
  presencePerSource: number;
}

/**
 * `messages` matches what the mod console keeps (store/replica-types.ts `modLimits`): a console that opens or
 * reconnects during a flood re-reads every line it would have held from the snapshot (docs/reliability.md).
 */
export const defaultHubLimits: HubLimits = {
  messages: 2000,
  notices: 100,
  automod: 100,
  modlog: 200,
  presencePerSource: 5000,
};

/** Pushes an item and drops the oldest beyond `limit`. */
function pushBounded<T>(list: T[], item: T, limit: number): void {
  list.push(item);
  if (list.length > limit) list.splice(0, list.length - limit);
}

/** What the hub remembers so a late view can start from a snapshot. Every collection is bounded. */
export class HubState {
  readonly chat: ChatHistory;
  readonly statuses = new Map<string, SourceStatus>();
  readonly notices: Notice[] = [];
  readonly presence = new Map<string, Set<string>>();
  readonly modes = new Map<string, Partial<ChatModes>>();
  readonly automod = new Map<string, AutoModHold>();
  readonly modlog: ModLogEntry[] = [];

  constructor(private readonly limits: HubLimits = defaultHubLimits) {
    this.chat = new ChatHistory(limits.messages);
  }

  /** Applies an event; returns false when it is a duplicate the views should not see. */
  apply(event: OnAirEvent): boolean {
    switch (event.kind) {
      case 'chat':
        return this.chat.add(event);
      case 'removal':
        this.chat.applyRemoval(event);
        return true;
      case 'status':
        this.statuses.set(event.source.sourceId, event);
        return true;
      case 'notice':
        pushBounded(this.notices, event, this.limits.notices);
        return true;
      case 'presence':
        this.applyPresence(event);
        return true;
      case 'modes':
        this.modes.set(event.source.sourceId, { ...this.modes.get(event.source.sourceId), ...event.modes });
        return true;
      case 'automod':
        this.applyAutoMod(event);
        return true;
      case 'modlog':
        pushBounded(this.modlog, event.entry, this.limits.modlog);
        return true;
      default:
        return true;
    }
  }

  forgetSource(sourceId: string): void {
    this.statuses.delete(sourceId);
    this.presence.delete(sourceId);
    this.modes.delete(sourceId);
  }

  private applyPresence(event: Presence): void {
    const id = event.source.sourceId;
    const users = event.reset ? new Set<string>() : (this.presence.get(id) ?? new Set<string>());
    for (const name of event.left) users.delete(name);
    for (const name of event.joined) {
      if (users.size < this.limits.presencePerSource) users.add(name);
    }
    this.presence.set(id, users);
  }

  private applyAutoMod(hold: AutoModHold): void {
    this.automod.delete(hold.id); // re-insert so the newest state is last
    this.automod.set(hold.id, hold);
    while (this.automod.size > this.limits.automod) {
      const oldest = this.automod.keys().next().value;
      if (oldest === undefined) break;
      this.automod.delete(oldest);
    }
  }
}
