import type { OnAirEvent } from '../../../../../shared/events';
import type { Clock } from '../../../clock';
import type { ResolveTwitchRef } from '../account';
import { decodeFrame, type DecodedFrame, type SubscriptionInfo } from './decode';
import { parseTime } from './fields';
import { mapNotification } from './map-notification';
import { MessageIdCache } from './message-id-cache';

/** Twitch's replay rule (webhooks; twurple applies it to WebSocket too): older than this → dropped. */
export const STALE_AFTER_MS = 10 * 60_000;

export type FrameCounters = {
  notifications: number;
  events: number;
  duplicatesDropped: number;
  staleDropped: number;
  unknownTypes: number;
  malformedFrames: number;
  revocations: number;
};

export type FrameOutcome =
  'event' | 'control' | 'duplicate' | 'stale' | 'unknown' | 'malformed' | 'revocation';

export interface FrameProcessorOptions {
  resolveRef: ResolveTwitchRef;
  clock: Clock;
  emit: (event: OnAirEvent) => void;
  onRevocation?: (subscription: SubscriptionInfo) => void;
  staleAfterMs?: number;
  dedupeCapacity?: number;
}

export interface FrameProcessor {
  readonly counters: FrameCounters;
  /** Notifications and revocations; session frames come back as `control` for the connection to act on. */
  process(frame: DecodedFrame): FrameOutcome;
  /** Decode + process in one step (tests, corpus runs). */
  processRaw(raw: unknown): FrameOutcome;
}

/**
 * The part of the client shared by every socket (the old and the new one overlap during a reconnect):
 * de-duplication by message id, the staleness rule, mapping and counters.
 */
export function createFrameProcessor(options: FrameProcessorOptions): FrameProcessor {
  const counters: FrameCounters = {
    notifications: 0,
    events: 0,
    duplicatesDropped: 0,
    staleDropped: 0,
    unknownTypes: 0,
    malformedFrames: 0,
    revocations: 0,
  };
  const recent = new MessageIdCache(options.dedupeCapacity);
  const staleAfterMs = options.staleAfterMs ?? STALE_AFTER_MS;

  const process = (frame: DecodedFrame): FrameOutcome => {
    switch (frame.kind) {
      case 'malformed':
        counters.malformedFrames += 1;
        return 'malformed';
      case 'unknown-message':
        counters.unknownTypes += 1;
        return 'unknown';
      case 'welcome':
      case 'keepalive':
      case 'reconnect':
        return 'control';
      case 'revocation':
        if (recent.seen(frame.meta.messageId)) return duplicate();
        counters.revocations += 1;
        options.onRevocation?.(frame.subscription);
        return 'revocation';
      case 'notification':
        return notification(frame);
    }
  };

  const duplicate = (): FrameOutcome => {
    counters.duplicatesDropped += 1;
    return 'duplicate';
  };

  const notification = (frame: Extract<DecodedFrame, { kind: 'notification' }>): FrameOutcome => {
    counters.notifications += 1;
    if (recent.seen(frame.meta.messageId)) return duplicate();
    const receivedAt = options.clock.now();
    const serverTime = parseTime(frame.meta.timestamp, receivedAt);
    if (receivedAt - serverTime > staleAfterMs) {
      counters.staleDropped += 1;
      return 'stale';
    }
    const ctx = { resolveRef: options.resolveRef, messageId: frame.meta.messageId, serverTime, receivedAt };
    const { type, version } = frame.subscription;
    const result = mapNotification(type, version, frame.event, ctx);
    if (result.outcome === 'unknown') {
      counters.unknownTypes += 1;
      return 'unknown';
    }
    if (result.outcome === 'malformed') {
      counters.malformedFrames += 1;
      return 'malformed';
    }
    for (const event of result.events) options.emit(event);
    counters.events += result.events.length;
    return 'event';
  };

  return { counters, process, processRaw: (raw) => process(decodeFrame(raw)) };
}
