import type { Alert, ChatMessage, ReplyRef, SourceRef } from '../../../../shared/events';
import { unescapeHtml } from './html-text';
import { badgesForLevel, normaliseLevel, rolesForLevel } from './levels';
import { splitMessageParts } from './message-parts';
import type { ChatData } from './protocol';

export interface ParentLookup {
  (numericId: number): { author: string; text: string } | undefined;
}

export interface MapContext {
  ref: SourceRef;
  receivedAt: number;
  /** Our own name, to flag our messages. */
  ownName: string | null;
  parent: ParentLookup;
  /** A unique local id for messages the server did not store (`id: 0`). */
  localId: () => string;
}

function replyRef(reply: number | undefined, parent: ParentLookup): ReplyRef | null {
  if (!reply) return null;
  const found = parent(reply);
  return {
    parentId: String(reply),
    parentAuthor: found?.author ?? '',
    parentText: found?.text ?? '(earlier message)',
  };
}

/** A `donate_value` ("2.00") in USD as the exact decimal string, or undefined when it is not a sane amount. */
export function parseDonation(value: string | undefined): string | undefined {
  const amount = value?.trim() ?? '';
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(amount)) return undefined;
  return Number(amount) > 0 ? amount : undefined;
}

export function toChatMessage(data: ChatData, ctx: MapContext): ChatMessage {
  const text = unescapeHtml(data.message);
  const level = normaliseLevel(data.author_level);
  const donation = parseDonation(data.donate_value);
  const stored = data.id !== 0;
  return {
    kind: 'chat',
    id: stored ? String(data.id) : ctx.localId(),
    source: ctx.ref,
    author: {
      id: String(data.author_id),
      login: data.author,
      displayName: data.author,
      color: /^[0-9a-fA-F]{6}$/.test(data.author_color) ? `#${data.author_color}` : null,
      badges: badgesForLevel(level),
      roles: rolesForLevel(level),
    },
    parts: splitMessageParts(text),
    text,
    flags: {
      action: false,
      firstMessage: false,
      returningChatter: false,
      highlighted: false,
      ...(donation !== undefined ? { donation: { value: donation, currency: 'USD' } } : {}),
      ...(ctx.ownName !== null && data.author === ctx.ownName ? { own: true } : {}),
    },
    reply: replyRef(data.reply, ctx.parent),
    serverTime: data.time,
    receivedAt: ctx.receivedAt,
    targetable: stored,
    extras: { chatkc: { numericId: data.id, level } },
  };
}

export function toDonationAlert(message: ChatMessage): Alert | null {
  const amount = message.flags.donation;
  if (!amount) return null;
  return {
    kind: 'alert',
    id: `${message.source.sourceId}:donation:${message.id}`,
    source: message.source,
    alertType: 'donation',
    user: { id: message.author.id, login: message.author.login, displayName: message.author.displayName },
    amount,
    message: message.parts.length > 0 ? message.parts : null,
    serverTime: message.serverTime,
    receivedAt: message.receivedAt,
    dedupeKey: `chatkc:${message.source.sourceId}:donation:${message.id}`,
  };
}
