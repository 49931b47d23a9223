import type { Author, ChatMessage, ReplyRef, SourceRef } from '../../../../shared/events';
import { BOT_REPLIES, FIRST_LINES, LINE_WEIGHTS, LINES, type LineKind } from './chat-lines';
import { buildDemoMessage, mentionName } from './message-factory';
import type { Rng } from './prng';
import { createNewcomer, createRegulars, type DemoViewer } from './viewers';

/** Something that happens a little after a message: a bot answering a command, a mod removing spam. */
export type FollowUp =
  | { kind: 'botReply'; delayMs: number; command: string; to: Author }
  | { kind: 'delete'; delayMs: number; messageId: string; by: string }
  | { kind: 'timeout'; delayMs: number; user: Author; seconds: number; by: string };

export interface GeneratedChat {
  message: ChatMessage;
  followUps: FollowUp[];
}

const MAX_NEWCOMERS = 40;
const REPLY_CHANCE = 0.07;
const HIGHLIGHT_CHANCE = 0.01;
const NEWCOMER_CHANCE = 0.02;
/** Replies read naturally only for conversational lines. */
const REPLY_KINDS: ReadonlySet<LineKind> = new Set(['game', 'question', 'reaction', 'chatter']);

/** Generates believable chat lines from a pool of viewers; all randomness comes from the injected `Rng`. */
export class DemoChatGenerator {
  private readonly regulars = createRegulars();
  private readonly newcomers: DemoViewer[] = [];
  private readonly spoken = new Set<string>();
  private readonly recent: ChatMessage[] = [];
  private newcomerSerial = 0;

  constructor(
    private readonly source: SourceRef,
    private readonly rng: Rng,
    private readonly isSilenced: (userId: string, now: number) => boolean,
  ) {}

  /** All viewers currently in the channel (for presence). */
  viewers(): DemoViewer[] {
    return [...this.regulars, ...this.newcomers];
  }

  moderators(): DemoViewer[] {
    return this.regulars.filter((viewer) => viewer.author.roles.includes('moderator') && !viewer.bot);
  }

  bot(): Author {
    const bot = this.regulars.find((viewer) => viewer.bot);
    if (!bot) throw new Error('the demo pool has no bot');
    return bot.author;
  }

  /** A recent message by a viewer (for replies, deletions); null when chat is still empty. */
  recentMessage(): ChatMessage | null {
    return this.recent.length ? this.rng.pick(this.recent) : null;
  }

  /** Remembers a message so it can be replied to or deleted later. */
  remember(message: ChatMessage): void {
    this.recent.push(message);
    if (this.recent.length > 50) this.recent.shift();
  }

  next(id: string, serverTime: number, receivedAt: number): GeneratedChat {
    const viewer = this.pickSpeaker(serverTime);
    const first = viewer.newcomer && !this.spoken.has(viewer.author.id);
    const returning = viewer.returning && !this.spoken.has(viewer.author.id);
    this.spoken.add(viewer.author.id);
    const kind: LineKind = this.rng.weighted(LINE_WEIGHTS);
    const template = first && this.rng.chance(0.7) ? this.rng.pick(FIRST_LINES) : this.rng.pick(LINES[kind]);
    const reply =
      !first && REPLY_KINDS.has(kind) && this.rng.chance(REPLY_CHANCE)
        ? this.replyTarget(viewer.author)
        : null;
    // A reply already names its parent, so a line that opens with another @name drops it.
    const body = this.fill(reply ? template.replace(/^\{user\} /, '') : template, viewer.author);
    const message = buildDemoMessage({
      id,
      source: this.source,
      author: viewer.author,
      text: reply ? `@${reply.login} ${body}` : body,
      serverTime,
      receivedAt,
      flags: {
        firstMessage: first,
        returningChatter: returning,
        highlighted: this.rng.chance(HIGHLIGHT_CHANCE),
      },
      reply: reply?.ref ?? null,
    });
    this.remember(message);
    return { message, followUps: this.followUpsFor(kind, message) };
  }

  /** A line the bot says in answer to a command. */
  botReplyText(command: string, to: Author): string {
    const template = BOT_REPLIES.get(command) ?? 'Unknown command.';
    return `@${mentionName(to)} ${this.fill(template, to)}`;
  }

  private pickSpeaker(now: number): DemoViewer {
    if (this.rng.chance(NEWCOMER_CHANCE)) return this.addNewcomer();
    const candidates = this.viewers()
      .filter((viewer) => viewer.chattiness > 0 && !this.isSilenced(viewer.author.id, now))
      .map((viewer) => [viewer, viewer.chattiness] as const);
    return candidates.length ? this.rng.weighted(candidates) : this.addNewcomer();
  }

  private addNewcomer(): DemoViewer {
    this.newcomerSerial += 1;
    const viewer = createNewcomer(this.rng, this.newcomerSerial);
    this.newcomers.push(viewer);
    if (this.newcomers.length > MAX_NEWCOMERS) this.newcomers.shift();
    return viewer;
  }

  private replyTarget(author: Author): { login: string; ref: ReplyRef } | null {
    const parent = this.recentMessage();
    if (!parent || parent.author.id === author.id) return null;
    return {
      login: parent.author.login,
      ref: { parentId: parent.id, parentAuthor: parent.author.displayName, parentText: parent.text },
    };
  }

  private fill(template: string, speaker: Author): string {
    return template
      .replace(/\{emote\}/g, () =>
        this.rng.pick(['onairHype', 'onairLove', 'onairWave', 'onairPog', 'onairCool']),
      )
      .replace(/\{user\}/g, () => `@${mentionName(this.otherRegular(speaker))}`)
      .replace(/\{streamer\}/g, '@you_demo')
      .replace(/\{n\}/g, () => String(this.rng.int(2, 300)))
      .replace(
        /\{clip\}/g,
        () => `https://example.com/clip/Starfall${this.rng.int(1000, 9999)}-${this.rng.int(1e5, 1e6)}`,
      );
  }

  private otherRegular(speaker: Author): Author {
    const others = this.regulars.filter((viewer) => !viewer.bot && viewer.author.id !== speaker.id);
    return this.rng.pick(others).author;
  }

  private followUpsFor(kind: LineKind, message: ChatMessage): FollowUp[] {
    const { author, text } = message;
    if (kind === 'command' && BOT_REPLIES.has(text) && this.rng.chance(0.7))
      return [{ kind: 'botReply', delayMs: this.rng.int(300, 1500), command: text, to: author }];
    // Mods remove spam and links, but never from the channel's trusted people.
    const trusted = author.roles.some(
      (role) => role === 'moderator' || role === 'vip' || role === 'broadcaster',
    );
    if (trusted || (kind !== 'spam' && kind !== 'link')) return [];
    const mods = this.moderators();
    const by = mods.length ? this.rng.pick(mods).author.login : 'nightbot';
    if (kind === 'spam' && this.rng.chance(0.15)) {
      const seconds = this.rng.pick([60, 300, 600]);
      return [{ kind: 'timeout', delayMs: this.rng.int(1000, 4000), user: author, seconds, by }];
    }
    if (this.rng.chance(0.35))
      return [{ kind: 'delete', delayMs: this.rng.int(800, 5000), messageId: message.id, by }];
    return [];
  }
}
