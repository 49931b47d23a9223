import type { OnAirEvent } from '../../../../shared/events';
import type { HistoryStore } from './history-types';

/** What the history keeps of the hub's accepted events: chat, alerts, our and other moderators' actions. */
export function recordEvent(store: HistoryStore, event: OnAirEvent): void {
  switch (event.kind) {
    case 'chat':
      store.recordMessage(event);
      break;
    case 'alert':
      store.recordAlert(event);
      break;
    case 'modlog':
      store.recordModAction(event.entry);
      break;
    case 'removal':
      store.recordModAction(event);
      break;
    default:
      break;
  }
}
