import type { OnAirEvent } from '../../../../../shared/events';
import type { JsonObject } from './fields';
import { alertMappers } from './map-alerts';
import { automodAndStreamMappers } from './map-automod';
import type { MapContext, NotificationMapper } from './map-context';
import { moderationMappers } from './map-moderate';

/** Every notification type+version we understand, keyed `type@version` (a new version is a new shape). */
const MAPPERS: Record<string, NotificationMapper> = {
  ...alertMappers,
  ...moderationMappers,
  ...automodAndStreamMappers,
};

export type MapResult =
  | { outcome: 'mapped'; events: OnAirEvent[] }
  | { outcome: 'unknown' }
  | { outcome: 'malformed'; reason: string };

/** One notification's event payload → normalized events. Never throws. */
export function mapNotification(
  type: string,
  version: string,
  event: JsonObject,
  ctx: MapContext,
): MapResult {
  const mapper = MAPPERS[`${type}@${version}`];
  if (!Object.hasOwn(MAPPERS, `${type}@${version}`) || !mapper) return { outcome: 'unknown' };
  try {
    return { outcome: 'mapped', events: mapper(event, ctx) };
  } catch (error) {
    return { outcome: 'malformed', reason: error instanceof Error ? error.message : String(error) };
  }
}
