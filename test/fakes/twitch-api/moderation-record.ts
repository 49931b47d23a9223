/** What the fake Helix remembers about moderation, for tests to read and for other fakes to react to. */

export interface FakeBan {
  broadcasterId: string;
  userId: string;
  moderatorId: string;
  reason: string;
  createdAt: number;
  /** null = permanent ban */
  expiresAt: number | null;
}

export interface FakeChatSettings {
  emote_mode: boolean;
  follower_mode: boolean;
  follower_mode_duration: number | null;
  slow_mode: boolean;
  slow_mode_wait_time: number | null;
  subscriber_mode: boolean;
  unique_chat_mode: boolean;
  non_moderator_chat_delay: boolean;
  non_moderator_chat_delay_duration: number | null;
}

export const DEFAULT_CHAT_SETTINGS: FakeChatSettings = {
  emote_mode: false,
  follower_mode: false,
  follower_mode_duration: null,
  slow_mode: false,
  slow_mode_wait_time: null,
  subscriber_mode: false,
  unique_chat_mode: false,
  non_moderator_chat_delay: false,
  non_moderator_chat_delay_duration: null,
};

export type FakeModerationEvent =
  | {
      type: 'ban';
      broadcasterId: string;
      userId: string;
      moderatorId: string;
      durationSeconds: number | null;
      reason: string;
    }
  | { type: 'unban'; broadcasterId: string; userId: string; moderatorId: string }
  | { type: 'delete'; broadcasterId: string; messageId: string; moderatorId: string }
  | { type: 'clear'; broadcasterId: string; moderatorId: string }
  | { type: 'chatSettings'; broadcasterId: string; moderatorId: string; settings: FakeChatSettings }
  | {
      type: 'automod';
      broadcasterId: string;
      messageId: string;
      action: 'ALLOW' | 'DENY';
      moderatorId: string;
    }
  | { type: 'warn'; broadcasterId: string; userId: string; moderatorId: string; reason: string }
  | { type: 'mod' | 'unmod'; broadcasterId: string; userId: string }
  | { type: 'announcement'; broadcasterId: string; moderatorId: string; message: string; color: string }
  | { type: 'shoutout'; broadcasterId: string; toBroadcasterId: string; moderatorId: string }
  | {
      type: 'chatMessage';
      broadcasterId: string;
      senderId: string;
      messageId: string;
      text: string;
      replyTo?: string;
    };

export interface FakeChatMessage {
  broadcasterId: string;
  senderId: string;
  sentAt: number;
  text: string;
}

export interface FakeAutoModHold {
  broadcasterId: string;
  userId: string;
  status: 'pending' | 'ALLOW' | 'DENY';
}

export class FakeModerationState {
  /** key `${broadcasterId}:${userId}` */
  readonly bans = new Map<string, FakeBan>();
  readonly deletedMessageIds: string[] = [];
  readonly clears: Array<{ broadcasterId: string; at: number }> = [];
  readonly messages = new Map<string, FakeChatMessage>();
  readonly chatSettings = new Map<string, FakeChatSettings>();
  readonly automodHolds = new Map<string, FakeAutoModHold>();
  readonly warnings: Array<{ broadcasterId: string; userId: string; moderatorId: string; reason: string }> =
    [];
  readonly announcements: Array<{ broadcasterId: string; message: string; color: string; at: number }> = [];
  readonly shoutouts: Array<{ broadcasterId: string; toBroadcasterId: string; at: number }> = [];
  readonly events: FakeModerationEvent[] = [];
  private readonly listeners = new Set<(event: FakeModerationEvent) => void>();

  activeBan(broadcasterId: string, userId: string, now: number): FakeBan | null {
    const ban = this.bans.get(`${broadcasterId}:${userId}`);
    if (!ban) return null;
    if (ban.expiresAt !== null && ban.expiresAt <= now) {
      this.bans.delete(`${broadcasterId}:${userId}`);
      return null;
    }
    return ban;
  }

  settingsFor(broadcasterId: string): FakeChatSettings {
    return this.chatSettings.get(broadcasterId) ?? { ...DEFAULT_CHAT_SETTINGS };
  }

  onModeration(listener: (event: FakeModerationEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: FakeModerationEvent): void {
    this.events.push(event);
    for (const listener of [...this.listeners]) listener(event);
  }
}
