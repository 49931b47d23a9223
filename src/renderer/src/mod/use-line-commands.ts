import { useCallback } from 'react';
import type { ChatMessage } from '../../../shared/events';
import { formatDuration } from '../common/format';
import { messageKey } from '../../../shared/removal';
import { useModStore } from '../store/store-context';
import type { LineCommand } from './ModLine';
import { useAct, useRunAction } from './use-actions';

/** Copies text; the Clipboard API first, the old selection command where it is unavailable. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}

/** What a chat line's button, menu item or hotkey does. Results appear on that line. */
export function useLineCommands(): (message: ChatMessage, command: LineCommand) => void {
  const act = useAct();
  const run = useRunAction(true);
  const openUser = useModStore((state) => state.openUser);
  const setReplyTo = useModStore((state) => state.setReplyTo);
  const putNote = useModStore((state) => state.putNote);
  return useCallback(
    (message, command) => {
      const sourceId = message.source.sourceId;
      const { id: userId, login, displayName } = message.author;
      const scope = `line:${messageKey(message)}`;
      switch (command.type) {
        case 'delete':
          void act(
            `Delete ${displayName}'s message`,
            { type: 'delete', sourceId, messageId: message.id },
            scope,
          );
          break;
        case 'timeout': {
          const label = `Timeout ${displayName} ${formatDuration(command.seconds)}`;
          const seconds = command.seconds;
          void act(label, { type: 'timeout', sourceId, userId, login, seconds }, scope);
          break;
        }
        case 'ban':
          void act(`Ban ${displayName}`, { type: 'ban', sourceId, userId, login }, scope);
          break;
        case 'unban':
          void act(`Unban ${displayName}`, { type: 'unban', sourceId, userId, login }, scope);
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
        case 'keepOffStream':
          void run(
            `Keep ${displayName}'s line off stream`,
            (bridge) => bridge.request('keepOffStream', { sourceId, messageId: message.id }),
            scope,
          );
          break;
        case 'copy':
          void copyText(message.text).then((copied) =>
            putNote(
              scope,
              copied ? 'info' : 'error',
              copied ? 'Text copied.' : 'Copy failed: no clipboard access.',
            ),
          );
          break;
      }
    },
    [act, run, openUser, setReplyTo, putNote],
  );
}
