import { useModStore } from '../store/store-context';

/**
 * What an empty chat says. "No chat yet" only when a source is connected: with every source down it would
 * make a dead connection look alive.
 */
export function EmptyChat() {
  const statuses = useModStore((state) => state.statuses);
  const synced = useModStore((state) => state.synced);
  const list = Object.values(statuses);
  const connecting = list.filter((status) => status.state === 'connecting' || status.state === 'idle');
  let text: string;
  if (!synced) text = 'Waiting for OnAir…';
  else if (list.some((status) => status.state === 'connected')) text = 'No chat yet.';
  else if (list.length === 0) text = 'No chat sources are running: add your channel in Settings.';
  else if (connecting.length > 0)
    text = `Connecting to ${connecting.map((status) => status.label).join(', ')}…`;
  else text = 'Not connected to any chat — see above.';
  return (
    <div className="empty" data-testid="chat-empty">
      {text}
    </div>
  );
}
