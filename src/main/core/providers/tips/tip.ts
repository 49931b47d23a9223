import { randomUUID } from 'node:crypto';
import type { Alert, MessagePart, Notice, NoticeLevel, SourceRef } from '../../../../shared/events';

/** A tip as every platform's mapper produces it: exact amount, platform id, plain texts. */
export interface Tip {
  /** The platform's own id for the tip (the only de-duplication key). */
  id: string;
  name: string;
  /** Exact decimal string in major units. */
  amount: string;
  currency: string;
  message: string;
  /** When the platform says it happened (ms since epoch), or null when it does not say. */
  at: number | null;
  /** The platform's own formatted amount, e.g. `$13.37`, when it sends one. */
  formatted?: string;
}

const MAX_NAME = 64;
const MAX_MESSAGE = 1000;
// Control characters other than line breaks and tabs never reach a view.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain text from a platform field: a string, control characters removed, length capped. */
export function plainText(raw: unknown, max: number): string {
  return typeof raw === 'string' ? raw.replace(CONTROL, '').trim().slice(0, max) : '';
}

export const tipName = (raw: unknown): string => plainText(raw, MAX_NAME) || 'Anonymous';
export const tipMessage = (raw: unknown): string => plainText(raw, MAX_MESSAGE);

/** A tip as a `donation` alert. The message stays plain text (no links or emotes from a tip platform). */
export function tipAlert(tip: Tip, ref: SourceRef, receivedAt: number): Alert {
  const message: MessagePart[] | null = tip.message ? [{ type: 'text', text: tip.message }] : null;
  return {
    kind: 'alert',
    id: `${ref.sourceId}:tip:${tip.id}`,
    source: ref,
    alertType: 'donation',
    user: { id: null, login: null, displayName: tip.name },
    amount: { value: tip.amount, currency: tip.currency },
    message,
    ...(tip.formatted ? { systemText: `${tip.name} tipped ${tip.formatted}` } : {}),
    serverTime: tip.at ?? receivedAt,
    receivedAt,
    // Only the platform id makes two tips the same: two equal tips from one person are two alerts.
    dedupeKey: `${ref.provider}:${ref.sourceId}:tip:${tip.id}`,
  };
}

export function tipNotice(
  ref: SourceRef,
  at: number,
  level: NoticeLevel,
  code: string,
  text: string,
): Notice {
  return { kind: 'notice', id: randomUUID(), source: ref, level, code, text, at };
}
