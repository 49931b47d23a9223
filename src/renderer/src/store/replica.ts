import type { ViewPush } from '../../../shared/api';
import type { AutoModHold, OnAirEvent } from '../../../shared/events';
import { ChatWorkingCopy } from './chat-slice';
import { lastN, replicaFromSnapshot, type ReplicaData, type ReplicaLimits } from './replica-types';

/**
 * Applies a batch of pushes (everything that arrived within one animation frame) to the replica and returns
 * the next replica. Pure: the same input gives the same output, and untouched collections keep their identity
 * so components selecting them do not re-render.
 */
export function applyPushes(data: ReplicaData, pushes: ViewPush[], limits: ReplicaLimits): ReplicaData {
  let next: ReplicaData = data;
  // A snapshot replaces everything before it, so start from the last one in the batch.
  let start = 0;
  for (let i = pushes.length - 1; i >= 0; i--) {
    const push = pushes[i];
    if (push.type === 'snapshot') {
      next = replicaFromSnapshot(push.snapshot, limits);
      start = i + 1;
      break;
    }
  }
  const events: OnAirEvent[] = [];
  for (let i = start; i < pushes.length; i++) {
    const push = pushes[i];
    if (push.type === 'events') {
      for (const event of push.events) events.push(event);
    } else if (push.type === 'alerts') {
      next = { ...next, alerts: push.alerts };
    } else if (push.type === 'alertApprovals') {
      next = { ...next, alertApprovals: push.approvals };
    } else if (push.type === 'overlay') {
      next = { ...next, overlay: push.overlay, timeoutPresets: push.timeoutPresets };
    }
  }
  return events.length === 0 ? next : applyEvents(next, events, limits);
}

function applyEvents(data: ReplicaData, events: OnAirEvent[], limits: ReplicaLimits): ReplicaData {
  const chat = new ChatWorkingCopy(data.messages);
  const next: ReplicaData = { ...data };
  let automod: AutoModHold[] | null = null;
  for (const event of events) {
    switch (event.kind) {
      case 'chat':
        chat.append(event);
        break;
      case 'removal':
        chat.applyRemoval(event);
        break;
      case 'status':
        next.statuses = { ...next.statuses, [event.source.sourceId]: event };
        break;
      case 'modes': {
        const id = event.source.sourceId;
        next.modes = { ...next.modes, [id]: { ...next.modes[id], ...event.modes } };
        break;
      }
      case 'presence': {
        const id = event.source.sourceId;
        const before = event.reset ? 0 : (next.presenceCount[id] ?? 0);
        const count = Math.max(0, before + event.joined.length - event.left.length);
        next.presenceCount = { ...next.presenceCount, [id]: count };
        break;
      }
      case 'notice':
        if (limits.notices > 0) next.notices = lastN([...next.notices, event], limits.notices);
        break;
      case 'automod':
        if (limits.automod > 0) {
          automod ??= next.automod.slice();
          // A resolution replaces the hold in place, so the queue does not jump around.
          const index = automod.findIndex((hold) => hold.id === event.id);
          if (index >= 0) automod[index] = event;
          else automod.push(event);
        }
        break;
      case 'modlog':
        if (limits.modlog > 0) next.modlog = lastN([...next.modlog, event.entry], limits.modlog);
        break;
      case 'auth':
        next.auth = event.state;
        break;
      case 'alert':
        // Alerts reach the views through the alert queue's `alerts` pushes.
        break;
    }
  }
  chat.trim(limits.messages);
  if (chat.changed) next.messages = chat.messages;
  if (automod) next.automod = lastN(automod, limits.automod);
  return next;
}
