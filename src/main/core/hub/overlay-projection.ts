import type {
  ModPush,
  ModSnapshot,
  OverlayAlertState,
  OverlayChat,
  OverlayEvent,
  OverlayPush,
  OverlaySnapshot,
} from '../../../shared/api';
import type { AlertQueueState } from '../../../shared/alert-queue-state';
import type { ChatMessage, OnAirEvent, Removal } from '../../../shared/events';
import type { LineRemoval } from '../../../shared/removal';

/**
 * What the overlay may see of the core's state and pushes. Its socket (`/ws/overlay`) is read-only and
 * needs no secret, so every local process can read it: it gets what it renders and nothing a moderator
 * sees (mod log, AutoMod, chatters, account, notices, source health, who removed a line).
 */

/** Lines the overlay draws: not removed, without provider extras. */
export function overlayChat(message: ChatMessage): OverlayChat {
  if (!message.extras) return message;
  const { extras: _extras, ...line } = message;
  return line;
}

function overlayRemoval(removal: Removal): LineRemoval {
  const { kind, source, target, reason, confirmed, at } = removal;
  return { kind, source, target, reason, confirmed, at };
}

/**
 * The events of one batch the overlay needs: chat lines and removals (stripped), nothing else. A line with a
 * moderation gate (`gatedUntil`) is not among them: it reaches the overlay only when the gate releases it
 * (hub/chat-gate.ts).
 */
export function overlayEvents(batch: OnAirEvent[]): OverlayEvent[] {
  const events: OverlayEvent[] = [];
  for (const event of batch) {
    if (event.kind === 'chat') {
      if (event.gatedUntil === undefined) events.push(overlayChat(event));
    } else if (event.kind === 'removal') events.push(overlayRemoval(event));
  }
  return events;
}

/** The overlay's push of lines the gate released. */
export const releasedLines = (lines: ChatMessage[]): OverlayPush => ({
  type: 'events',
  events: lines.map(overlayChat),
});

export const overlayAlerts = (state: AlertQueueState): OverlayAlertState => ({
  active: state.active,
  activeUntil: state.activeUntil,
  presentation: state.presentation,
  exiting: state.exiting,
});

export function overlaySnapshot(
  messages: ChatMessage[],
  extras: Pick<ModSnapshot, 'alerts' | 'overlay'>,
): OverlaySnapshot {
  const lines: OverlayChat[] = [];
  for (const message of messages) if (!message.removed) lines.push(overlayChat(message));
  return { messages: lines, alerts: overlayAlerts(extras.alerts), overlay: extras.overlay };
}

/**
 * The overlay's share of a push shaped for the mod console; null when nothing in it is for the overlay.
 * (The hub builds the overlay's snapshot directly; test doubles of the core use the `snapshot` case.)
 */
export function overlayPush(push: ModPush): OverlayPush | null {
  switch (push.type) {
    case 'alerts':
      return { type: 'alerts', alerts: overlayAlerts(push.alerts) };
    case 'overlay':
      return { type: 'overlay', overlay: push.overlay };
    case 'events': {
      const events = overlayEvents(push.events);
      return events.length > 0 ? { type: 'events', events } : null;
    }
    case 'snapshot':
      return { type: 'snapshot', snapshot: overlaySnapshot(push.snapshot.messages, push.snapshot) };
    case 'alertApprovals':
      // Viewer text nobody approved yet: the mod console's alone.
      return null;
    case 'dropLines':
      return push;
  }
}
