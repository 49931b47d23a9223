export {
  createEventSubClient,
  EVENTSUB_SOURCE_ID,
  type EventSubClient,
  type EventSubClientOptions,
  type EventSubCounters,
} from './eventsub-client';
