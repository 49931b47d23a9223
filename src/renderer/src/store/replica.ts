import type { DropLinesPush, ModPush, OverlayPush, ViewPush } from '../../../shared/api';
import type { AutoModHold, OnAirEvent } from '../../../shared/events';
import { ChatWorkingCopy } from './chat-slice';
import { advanceChatSeq, replicaFromSnapshot } from './replica-resync';
import {
  lastN,
  OVERLAY_MESSAGE_LIMIT,
  overlayReplicaFromSnapshot,
  type ModReplica,
  type OverlayReplica,
  type ReplicaLimits,
} from './replica-types';

/**
 * Applying a batch of pushes (everything that arrived within one task) to a replica gives the next replica.
 * Pure: the same input gives the same output, and untouched collections keep their identity so components
 * selecting them do not re-render.
 */

/** Where the pushes still to apply begin: a snapshot replaces everything before it. */
function lastSnapshotAt(pushes: ViewPush[]): number {
  for (let i = pushes.length - 1; i >= 0; i--) if (pushes[i].type === 'snapshot') return i;
  return -1;
}

export function applyOverlayPushes(data: OverlayReplica, pushes: OverlayPush[]): OverlayReplica {
  let next = data;
  const start = lastSnapshotAt(pushes);
  const first = pushes[start];
  if (first?.type === 'snapshot') next = overlayReplicaFromSnapshot(first.snapshot);
  const chat = new ChatWorkingCopy(next.messages);
  for (let i = start + 1; i < pushes.length; i++) {
    const push = pushes[i];
    if (push.type === 'events') {
      for (const event of push.events) {
        if (event.kind === 'chat') chat.append(event);
        else chat.applyRemoval(event);
      }
    } else if (push.type === 'alerts') {
      next = { ...next, alerts: push.alerts };
    } else if (push.type === 'overlay') {
      next = { ...next, overlay: push.overlay };
    } else if (push.type === 'dropLines') {
      chat.dropSource(push.sourceId);
    }
  }
  chat.trim(OVERLAY_MESSAGE_LIMIT);
  return chat.changed ? { ...next, messages: chat.messages } : next;
}

export function applyModPushes(data: ModReplica, pushes: ModPush[], limits: ReplicaLimits): ModReplica {
  let next = data;
  const start = lastSnapshotAt(pushes);
  const first = pushes[start];
  if (first?.type === 'snapshot')
    next = replicaFromSnapshot(data, first.snapshot, first.chatSeq, limits, first.droppedSources);
  const events: Array<OnAirEvent | DropLinesPush> = [];
  let chatSeq: number | undefined;
  for (let i = start + 1; i < pushes.length; i++) {
    const push = pushes[i];
    if (push.type === 'events') {
      for (const event of push.events) events.push(event);
      chatSeq = push.chatSeq ?? chatSeq;
    } else if (push.type === 'dropLines') {
      events.push(push); // in order with the events around it
    } else if (push.type === 'alerts') {
      next = { ...next, alerts: push.alerts };
    } else if (push.type === 'alertApprovals') {
      next = { ...next, alertApprovals: push.approvals };
    } else if (push.type === 'overlay') {
      const { overlay, timeoutPresets, highlights } = push;
      next = { ...next, overlay, timeoutPresets, highlights };
    }
  }
  next = advanceChatSeq(next, events, chatSeq);
  return events.length === 0 ? next : applyModEvents(next, events, limits);
}

function applyModEvents(
  data: ModReplica,
  events: Array<OnAirEvent | DropLinesPush>,
  limits: ReplicaLimits,
): ModReplica {
  const chat = new ChatWorkingCopy(data.messages);
  const next: ModReplica = { ...data };
  let automod: AutoModHold[] | null = null;
  for (const event of events) {
    if ('type' in event) {
      chat.dropSource(event.sourceId);
      continue;
    }
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
        next.notices = lastN([...next.notices, event], limits.notices);
        break;
      case 'automod':
        automod ??= next.automod.slice();
        // A resolution replaces the hold in place, so the queue does not jump around.
        replaceOrAppend(automod, event);
        break;
      case 'modlog':
        next.modlog = lastN([...next.modlog, event.entry], limits.modlog);
        chat.applyUnban(event.entry);
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

function replaceOrAppend(holds: AutoModHold[], hold: AutoModHold): void {
  const index = holds.findIndex((known) => known.id === hold.id);
  if (index >= 0) holds[index] = hold;
  else holds.push(hold);
}
