import type { OnAirEvent } from '../../../../../shared/events';
import { cheerAlert, mapPrivmsg, type MapContext } from './map-chat';
import { mapClearChat, mapClearMsg, mapMembership, mapNotice, mapRoomState } from './map-room';
import { UserNoticeMapper } from './map-usernotice';
import type { TwitchLine } from './twitch-decode';

export interface MapperCounters {
  mapped: number;
  /** Lines of a mapped command that could not become an event (missing params or ids). */
  unusable: number;
}

/**
 * Chat-visible commands → normalized events. Connection-level commands (PING, RECONNECT, USERSTATE, 001…)
 * are the session's business; this returns false for them so the caller can route them.
 */
export class IrcEventMapper {
  readonly counters: MapperCounters = { mapped: 0, unusable: 0 };
  private readonly userNotices = new UserNoticeMapper();

  /** Emits the events for one line; true when the command is a chat-visible one (handled here). */
  map(line: TwitchLine, ctx: MapContext, emit: (event: OnAirEvent) => void): boolean {
    const message = line;
    switch (message.command) {
      case 'PRIVMSG': {
        const chat = mapPrivmsg(line, ctx);
        if (chat === null) break;
        emit(chat);
        if (chat.flags.bits) emit(cheerAlert(chat));
        this.counters.mapped++;
        return true;
      }
      case 'USERNOTICE':
        this.userNotices.map(line, ctx, emit);
        this.counters.mapped++;
        return true;
      case 'CLEARCHAT':
        emit(mapClearChat(message, ctx));
        this.counters.mapped++;
        return true;
      case 'CLEARMSG': {
        const removal = mapClearMsg(message, ctx);
        if (removal === null) break;
        emit(removal);
        this.counters.mapped++;
        return true;
      }
      case 'ROOMSTATE':
        emit(mapRoomState(message, ctx));
        this.counters.mapped++;
        return true;
      case 'NOTICE':
        emit(mapNotice(message, ctx));
        this.counters.mapped++;
        return true;
      case 'JOIN':
      case 'PART':
      case '353': {
        const presence = mapMembership(message, ctx);
        if (presence === null) break;
        emit(presence);
        this.counters.mapped++;
        return true;
      }
      default:
        return false;
    }
    this.counters.unusable++;
    return true;
  }
}
