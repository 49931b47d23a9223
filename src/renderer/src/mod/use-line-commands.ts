import { useCallback } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { formatDuration } from '../common/format';
import { useModStore } from '../store/store-context';
import type { LineCommand } from './ModLine';
import { useAct } from './use-actions';

/** What a click on a chat line's button does. */
export function useLineCommands(): (message: ChatMessage, command: LineCommand) => void {
  const act = useAct();
  const openUser = useModStore((state) => state.openUser);
  const setReplyTo = useModStore((state) => state.setReplyTo);
  return useCallback(
    (message, command) => {
      const sourceId = message.source.sourceId;
      const { id: userId, login, displayName } = message.author;
      switch (command.type) {
        case 'delete':
          void act(`Delete ${displayName}'s message`, { type: 'delete', sourceId, messageId: message.id });
          break;
        case 'timeout':
          void act(`Timeout ${displayName} ${formatDuration(command.seconds)}`, {
            type: 'timeout',
            sourceId,
            userId,
            login,
            seconds: command.seconds,
          });
          break;
        case 'ban':
          void act(`Ban ${displayName}`, { type: 'ban', sourceId, userId, login });
          break;
        case 'unban':
          void act(`Unban ${displayName}`, { type: 'unban', sourceId, userId, login });
          break;
        case 'reply':
          setReplyTo({
            sourceId,
            messageId: message.id,
            author: displayName,
            text: message.text.slice(0, 80),
          });
          break;
        case 'user':
          openUser({ sourceId, userId, login, displayName });
          break;
      }
    },
    [act, openUser, setReplyTo],
  );
}
