import type { Author, ChatFlags, ChatMessage, ReplyRef, SourceRef } from '../../../../shared/events';
import { bitsInParts, parseDemoText } from './message-parts';

export interface DemoMessageInput {
  id: string;
  source: SourceRef;
  author: Author;
  /** Raw text as typed; a leading `/me ` makes it an action. */
  text: string;
  serverTime: number;
  receivedAt: number;
  flags?: Partial<ChatFlags>;
  reply?: ReplyRef | null;
}

/** Builds a normalized chat message the way a real source would after parsing its protocol. */
export function buildDemoMessage(input: DemoMessageInput): ChatMessage {
  const action = input.text.startsWith('/me ');
  const body = action ? input.text.slice(4) : input.text;
  const parts = parseDemoText(body);
  const bits = bitsInParts(parts);
  const flags: ChatFlags = {
    action,
    firstMessage: false,
    returningChatter: false,
    highlighted: false,
    ...input.flags,
  };
  if (bits > 0) flags.bits = bits;
  return {
    kind: 'chat',
    id: input.id,
    source: input.source,
    author: input.author,
    parts,
    text: body,
    flags,
    reply: input.reply ?? null,
    serverTime: input.serverTime,
    receivedAt: input.receivedAt,
    targetable: true,
  };
}

/** Display-friendly @name: the display name when it is latin, else the login (how people type it). */
export function mentionName(author: Author): string {
  return /^[A-Za-z0-9_]+$/.test(author.displayName) ? author.displayName : author.login;
}
