import type { ActionResult, ModAction } from '../../../../shared/api';
import type { OnAirEvent, Removal, SourceRef } from '../../../../shared/events';
import { unsupported } from '../source';

/** Who is timed out or banned in the demo channel (so they stop chatting), as user id → until (ms). */
export class SilenceList {
  private readonly until = new Map<string, number>();

  silence(userId: string, until: number): void {
    this.until.set(userId, until);
  }

  lift(userId: string): boolean {
    return this.until.delete(userId);
  }

  isSilenced(userId: string, now: number): boolean {
    const until = this.until.get(userId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.until.delete(userId);
    return false;
  }
}

export const LOCAL_REMOVAL_DETAIL = 'Demo chat: removed in OnAir only';

export interface LocalModerationContext {
  source: SourceRef;
  now: number;
  actor: string;
  silences: SilenceList;
  emit: (event: OnAirEvent) => void;
  nextId: () => string;
}

/** Moderation in the demo only changes what OnAir shows: the Removal is emitted unconfirmed (`confirmed: false`). */
export function actLocally(action: ModAction, ctx: LocalModerationContext): ActionResult {
  const removal = (target: Removal['target'], reason: Removal['reason'], durationSeconds?: number): void =>
    ctx.emit({
      kind: 'removal',
      source: ctx.source,
      target,
      reason,
      ...(durationSeconds === undefined ? {} : { durationSeconds }),
      by: ctx.actor,
      confirmed: false,
      at: ctx.now,
    });
  switch (action.type) {
    case 'delete':
      removal({ type: 'message', messageId: action.messageId }, 'delete');
      break;
    case 'timeout':
      ctx.silences.silence(action.userId, ctx.now + action.seconds * 1000);
      removal({ type: 'user', userId: action.userId, login: action.login }, 'timeout', action.seconds);
      break;
    case 'ban':
      ctx.silences.silence(action.userId, Infinity);
      removal({ type: 'user', userId: action.userId, login: action.login }, 'ban');
      break;
    case 'unban':
      ctx.silences.lift(action.userId);
      ctx.emit({
        kind: 'notice',
        id: ctx.nextId(),
        source: ctx.source,
        level: 'info',
        code: 'unban_success',
        text: `${action.login} is no longer banned (demo chat: in OnAir only).`,
        at: ctx.now,
      });
      return { ok: true, local: true, detail: 'Demo chat: unbanned in OnAir only' };
    default:
      return unsupported(`The "${action.type}" action`);
  }
  return { ok: true, local: true, detail: LOCAL_REMOVAL_DETAIL };
}
