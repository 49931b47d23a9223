/**
 * The normalized event model. Every source (Twitch IRC, EventSub, ChatKC, demo) turns its traffic into
 * these events; the hub fans them out to every view. Provider-specific details live under `extras`.
 */

export type ProviderId = 'demo' | 'twitch' | 'chatkc' | 'streamlabs' | 'streamelements';

/** Where an event came from: one configured source instance and the channel/room it speaks for. */
export interface SourceRef {
  /** Stable id of the configured source, e.g. `twitch:xqc`, `chatkc:main`, `demo`. */
  sourceId: string;
  provider: ProviderId;
  channel: string;
}

export type Role = 'broadcaster' | 'moderator' | 'vip' | 'subscriber' | 'staff' | 'founder';

export interface Badge {
  setId: string;
  version: string;
  /** Extra info, e.g. exact subscriber months. */
  info?: string;
  title: string;
  /** 18 px image (Twitch: from the Helix badge catalogue); absent → the views show a labelled pill. */
  imageUrl?: string;
  /** 36 px and 72 px images of the same badge, for `srcset` on dense screens. */
  imageUrl2x?: string;
  imageUrl4x?: string;
}

export interface Author {
  id: string;
  login: string;
  displayName: string;
  /** `#rrggbb`, or null when the user never chose one (views pick a fallback). */
  color: string | null;
  badges: Badge[];
  roles: Role[];
}

/** Who serves an emote image; absent means Twitch (its `url` is the v2 CDN's 1.0 image). */
export type EmoteProvider = 'bttv' | 'ffz' | '7tv';

/** One size of a third-party emote image: `width` is the file's pixel width (a srcset `w` descriptor). */
export interface EmoteImage {
  url: string;
  width: number;
}

export interface EmotePart {
  type: 'emote';
  text: string;
  id: string;
  /** The smallest (1x) image. */
  url: string;
  provider?: EmoteProvider;
  /** Every size, smallest first (third-party emotes; Twitch sizes follow from `url`). */
  images?: readonly EmoteImage[];
  /** Width / height, when the service says (reserves the box before the image loads). */
  aspect?: number;
  animated?: boolean;
  /** Drawn over the emote before it instead of beside it (7TV zero-width, BTTV overlay emotes). */
  zeroWidth?: boolean;
}

export type MessagePart =
  | { type: 'text'; text: string }
  | EmotePart
  | { type: 'mention'; text: string; login: string }
  | { type: 'link'; text: string; url: string }
  | { type: 'cheer'; text: string; prefix: string; bits: number };

/**
 * Money, exactly: `value` is a decimal string in major units (`"2.50"` = $2.50, `"1000"` = ¥1,000), never a
 * binary float. Views format it with `Intl.NumberFormat`, which formats decimal strings exactly.
 */
export interface Money {
  value: string;
  /** ISO 4217 code, e.g. `USD`. */
  currency: string;
}

export interface ChatFlags {
  action: boolean;
  firstMessage: boolean;
  returningChatter: boolean;
  highlighted: boolean;
  /** The message came with a donation (ChatKC `donate_value`). */
  donation?: Money;
  /** Bits cheered with this message. */
  bits?: number;
  /** Arrived from another channel of a Twitch shared-chat session. */
  sharedFrom?: string;
  /** Sent by this app's own account. */
  own?: boolean;
  /**
   * The viewer's words that came with a service notice (a Twitch watch streak, ritual, mod anniversary …):
   * the notice's id and the service's own description, shown with the line.
   */
  notice?: { msgId: string; systemText: string };
}

export interface ReplyRef {
  parentId: string;
  parentAuthor: string;
  parentText: string;
}

export interface Removed {
  reason: RemovalReason;
  /** True when the service confirmed the removal; false when only hidden locally. */
  confirmed: boolean;
  at: number;
  /** When the ban or timeout behind this removal was lifted (unban / untimeout); the line stays removed. */
  liftedAt?: number;
}

export interface ChatMessage {
  kind: 'chat';
  /** Service message id, unique within the source. */
  id: string;
  source: SourceRef;
  author: Author;
  parts: MessagePart[];
  /** Plain text of the message (for search, copy, logs). */
  text: string;
  flags: ChatFlags;
  reply: ReplyRef | null;
  /** Server time (ms since epoch) when the service stamped it. */
  serverTime: number;
  /** Local time (ms since epoch) when the core received it. */
  receivedAt: number;
  /** False when moderation cannot address this message (e.g. ChatKC id 0). */
  targetable: boolean;
  /** Set by the hub once the message is removed. */
  removed?: Removed;
  /**
   * Set by the hub when the source has a moderation gate: the overlay gets the line at this time (ms since the
   * epoch, core clock) unless it is removed before.
   */
  gatedUntil?: number;
  extras?: ProviderExtras;
}

/** Provider-specific details, keyed by provider so they never leak into the shared type. */
export interface ProviderExtras {
  twitch?: { roomId?: string; userType?: string; msgId?: string; clientNonce?: string };
  chatkc?: { numericId: number; level: number };
}

export const ALERT_TYPES = [
  'donation',
  'cheer',
  'sub',
  'resub',
  'giftsub',
  'raid',
  'follow',
  'redemption',
  'announcement',
] as const;

export type AlertType = (typeof ALERT_TYPES)[number];

export interface AlertUser {
  /** Null when anonymous. */
  id: string | null;
  login: string | null;
  displayName: string;
  /** Name colour and badges as on the user's chat lines, when the service gives them (absent: unknown). */
  color?: string | null;
  badges?: Badge[];
}

export interface Alert {
  kind: 'alert';
  id: string;
  source: SourceRef;
  alertType: AlertType;
  user: AlertUser;
  amount?: Money;
  bits?: number;
  /** Gift count (gift subs) or viewer count (raids). */
  count?: number;
  months?: number;
  /** Sub tier: `1000`, `2000`, `3000` or `Prime`. */
  tier?: string;
  /** Reward title for redemptions; recipient for a single gift. */
  title?: string;
  /** The user's own message, if any. */
  message: MessagePart[] | null;
  /** The service's own description (e.g. Twitch `system-msg`). */
  systemText?: string;
  serverTime: number;
  receivedAt: number;
  /** The source's own id for the event: alerts with equal keys are one event (e.g. a ChatKC message id). */
  dedupeKey?: string;
  /** Which Twitch transport reported it, for the de-duplication rule (docs/events.md "Alert de-duplication"). */
  origin?: AlertOrigin;
}

/** IRC `id` tag or EventSub `message_id`: two reports from one transport with different ids are two events. */
export interface AlertOrigin {
  transport: 'irc' | 'eventsub';
  eventId: string;
}

/** `offStream`: kept off the overlay by a moderator in OnAir (moderation gate); the service still shows it. */
export type RemovalReason = 'delete' | 'timeout' | 'ban' | 'clear' | 'offStream';

export type RemovalTarget =
  | { type: 'message'; messageId: string }
  | { type: 'user'; userId?: string; login?: string }
  | { type: 'all' };

export interface Removal {
  kind: 'removal';
  source: SourceRef;
  target: RemovalTarget;
  reason: RemovalReason;
  durationSeconds?: number;
  /** Moderator who acted, when known. */
  by?: string;
  /** True when the service did it; false for a local-only hide. */
  confirmed: boolean;
  at: number;
}

export interface Presence {
  kind: 'presence';
  source: SourceRef;
  joined: string[];
  left: string[];
  /** When true, `joined` is the complete list and replaces what the views had. */
  reset?: boolean;
}

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  kind: 'notice';
  id: string;
  source: SourceRef;
  level: NoticeLevel;
  /** Machine-readable code, e.g. `msg_duplicate`, `banned`. */
  code?: string;
  /** Plain text (never HTML). Lines are separated by `\n`. */
  text: string;
  at: number;
}

export type ConnectionState =
  'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'login-needed' | 'stopped';

export type Capability =
  | 'send'
  | 'reply'
  | 'delete'
  | 'timeout'
  | 'ban'
  | 'unban'
  | 'warn'
  | 'mod'
  | 'unmod'
  | 'ipban'
  | 'automod'
  | 'chatModes'
  | 'shoutout'
  | 'announce'
  | 'clearChat'
  | 'userConf';

export interface Identity {
  login: string;
  displayName: string;
  color?: string | null;
  /** Provider auth level (ChatKC: 0, 50, 100). */
  level?: number;
}

export interface SourceStatus {
  kind: 'status';
  source: SourceRef;
  /** Human label, e.g. `Twitch #xqc` or `Demo (not a real chat)`. */
  label: string;
  state: ConnectionState;
  since: number;
  lastMessageAt: number | null;
  reconnects: number;
  error: string | null;
  /** While `reconnecting`: when the next attempt starts (ms since the epoch), so views can count down. */
  retryAt?: number | null;
  capabilities: Capability[];
  identity: Identity | null;
  /** True for the offline demo source so views can label it clearly. */
  demo: boolean;
  /** Extra health counters (dropped frames, gaps refilled, queue depth …). */
  counters?: Record<string, number>;
}

export interface ChatModes {
  emoteOnly: boolean;
  /** Null = off; 0 = any follower; N = followed for N minutes. */
  followersOnlyMinutes: number | null;
  /** 0 = off. */
  slowSeconds: number;
  subsOnly: boolean;
  uniqueChat: boolean;
}

export interface ModesEvent {
  kind: 'modes';
  source: SourceRef;
  modes: Partial<ChatModes>;
  /** Twitch ROOMSTATE `room-id`: the channel's user id (third-party emote sets are keyed by it). */
  extras?: ProviderExtras;
}

export type AutoModStatus = 'pending' | 'approved' | 'denied' | 'expired';

export interface AutoModHold {
  kind: 'automod';
  /** The held message id (Twitch `message_id`, used for allow/deny). */
  id: string;
  source: SourceRef;
  author: { id: string; login: string; displayName: string };
  parts: MessagePart[];
  text: string;
  reason: string;
  heldAt: number;
  status: AutoModStatus;
  resolvedBy?: string;
}

export interface ModLogEntry {
  id: string;
  at: number;
  sourceId: string;
  /** Who acted: our account, or another moderator seen on the service. */
  actor: string;
  action: string;
  target: string;
  detail?: string;
  result: 'ok' | 'error' | 'local';
  error?: string;
  /** What the action concerned, for human text and the user card (entries before it lack it). */
  subject?: ModSubject;
}

/** Card/log: the user acted on, the deleted message's text, the timeout and the reason, when known. */
export interface ModSubject {
  userId?: string;
  login?: string;
  displayName?: string;
  messageText?: string;
  seconds?: number;
  reason?: string;
}

export interface ModLogEvent {
  kind: 'modlog';
  entry: ModLogEntry;
}

export interface AuthState {
  provider: 'twitch';
  status: 'logged-out' | 'pending' | 'logged-in' | 'login-needed';
  login?: string;
  /** Device-flow code to show while pending. */
  userCode?: string;
  verificationUri?: string;
  expiresAt?: number;
  error?: string;
}

export interface AuthEvent {
  kind: 'auth';
  state: AuthState;
}

export type OnAirEvent =
  | ChatMessage
  | Alert
  | Removal
  | Presence
  | Notice
  | SourceStatus
  | ModesEvent
  | AutoModHold
  | ModLogEvent
  | AuthEvent;

export type EventKind = OnAirEvent['kind'];
