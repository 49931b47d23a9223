import type { OnAirEvent } from '../../../../../shared/events';
import type { IrcMessage } from './irc-parser';
import { cheerAlert, mapPrivmsg, type MapContext } from './map-chat';
import { mapClearChat, mapClearMsg, mapMembership, mapNotice, mapRoomState } from './map-room';
import { UserNoticeMapper } from './map-usernotice';

/**
 * Chat-visible commands → normalized events. Connection-level commands (PING, RECONNECT, USERSTATE, 001…)
 * are the session's business; this returns false for them so the caller can route them.
 */
export class IrcEventMapper {
  private readonly userNotices = new UserNoticeMapper();

  /**
   * Emits the events for one line; true when the command is a chat-visible one (handled here, even when the line
   * lacked what an event needs, e.g. a PRIVMSG without text).
   */
  map(message: IrcMessage, ctx: MapContext, emit: (event: OnAirEvent) => void): boolean {
    switch (message.command) {
      case 'PRIVMSG': {
        const chat = mapPrivmsg(message, ctx);
        if (chat === null) return true;
        emit(chat);
        if (chat.flags.bits) emit(cheerAlert(chat));
        return true;
      }
      case 'USERNOTICE':
        this.userNotices.map(message, ctx, emit);
        return true;
      case 'CLEARCHAT':
        emit(mapClearChat(message, ctx));
        return true;
      case 'CLEARMSG':
        emitUnlessNull(mapClearMsg(message, ctx), emit);
        return true;
      case 'ROOMSTATE':
        emit(mapRoomState(message, ctx));
        return true;
      case 'NOTICE':
        emit(mapNotice(message, ctx));
        return true;
      case 'JOIN':
      case 'PART':
      case '353':
        emitUnlessNull(mapMembership(message, ctx), emit);
        return true;
      default:
        return false;
    }
  }
}

function emitUnlessNull(event: OnAirEvent | null, emit: (event: OnAirEvent) => void): void {
  if (event !== null) emit(event);
}
