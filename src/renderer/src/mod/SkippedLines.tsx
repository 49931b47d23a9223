import { useModStore } from '../store/store-context';

/**
 * Chat lines the core accepted that never reached this console (store/replica-resync.ts): it says how many,
 * so the console never looks complete when it is not. Below the chat, where nothing moves under the pointer.
 */
export function SkippedLines() {
  const skipped = useModStore((state) => state.skippedLines);
  if (skipped === 0) return null;
  const lines = `${skipped.toLocaleString('en-US')} chat ${skipped === 1 ? 'line' : 'lines'}`;
  return (
    <div className="chat-skipped" role="status" data-testid="chat-skipped">
      {`${lines} skipped during a burst or reconnect: not shown here`}
    </div>
  );
}
