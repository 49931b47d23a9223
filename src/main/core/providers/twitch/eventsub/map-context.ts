import type { OnAirEvent } from '../../../../../shared/events';
import type { ResolveTwitchRef } from '../account';
import type { JsonObject } from './fields';

/** What every mapper gets besides the event payload. */
export interface MapContext {
  resolveRef: ResolveTwitchRef;
  /** `metadata.message_id`: alert, notice and mod-log ids. */
  messageId: string;
  /** Parsed `message_timestamp`, or the receive time when absent/unparseable. */
  serverTime: number;
  receivedAt: number;
}

/** A mapper returns the events for one notification (possibly none), or throws MissingFieldError. */
export type NotificationMapper = (event: JsonObject, ctx: MapContext) => OnAirEvent[];
