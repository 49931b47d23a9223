import type { Alert, ChatMessage, ModLogEntry, Removal } from '../../../../shared/events';
import type { StoredMessage } from './history-types';

/** What waits in the write queue: the events themselves, converted only when written (off the hot path). */
export type PendingRow =
  | { table: 'message'; event: ChatMessage }
  | { table: 'mod'; event: ModLogEntry | Removal }
  | { table: 'alert'; event: Alert };

export interface ModActionRow {
  sourceId: string;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string | null;
  result: string;
  /** `onair`: from our moderation log; `service`: a removal the service reported (any moderator). */
  origin: 'onair' | 'service';
}

export function messageRow(message: ChatMessage): StoredMessage {
  return {
    sourceId: message.source.sourceId,
    messageId: message.id,
    userId: message.author.id,
    login: message.author.login,
    displayName: message.author.displayName,
    text: message.text,
    at: message.receivedAt,
  };
}

export function modActionRow(event: ModLogEntry | Removal): ModActionRow {
  if (!('kind' in event)) {
    const { sourceId, at, actor, action, target, detail, result } = event;
    return { sourceId, at, actor, action, target, detail: detail ?? null, result, origin: 'onair' };
  }
  const target = event.target;
  const described =
    target.type === 'message'
      ? target.messageId
      : target.type === 'user'
        ? (target.userId ?? target.login ?? '')
        : '*';
  return {
    sourceId: event.source.sourceId,
    at: event.at,
    actor: event.by ?? '',
    action: event.reason,
    target: described,
    detail: event.durationSeconds === undefined ? null : `${event.durationSeconds}s`,
    result: event.confirmed ? 'ok' : 'local',
    origin: 'service',
  };
}
