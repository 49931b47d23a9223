import type { DropLinesPush, DroppedSource, ModSnapshot } from '../../../shared/api';
import type { ChatMessage, OnAirEvent } from '../../../shared/events';
import { messageKey } from '../../../shared/removal';
import { lastN, modReplicaFromSnapshot, type ModReplica, type ReplicaLimits } from './replica-types';

/**
 * Keeping the mod console's chat whole across floods and reconnects. The hub numbers the chat lines it accepts
 * (`chatSeq` on `snapshot` and `events` pushes, shared/api.ts): the console counts the lines it got, and every
 * line it did not get is either re-read from a snapshot or counted in `skippedLines`, which the console shows.
 */

/**
 * A snapshot on a console that was already synced (a reconnect): the lines it held stay, the snapshot's lines
 * (with their current removal marks) follow, and the lines between the last one it had and the first one the
 * snapshot still holds are counted as skipped; lines of a source the hub dropped meanwhile (`dropLines`, missed
 * while away) go. A first snapshot, or one from a core that started again
 * (`chatSeq` went back), replaces everything as before.
 */
export function replicaFromSnapshot(
  previous: ModReplica,
  snapshot: ModSnapshot,
  chatSeq: number | undefined,
  limits: ReplicaLimits,
  droppedSources: readonly DroppedSource[] = [],
): ModReplica {
  const fresh = modReplicaFromSnapshot(snapshot, limits);
  const seq = chatSeq ?? null;
  const skippedLines = previous.skippedLines;
  const had = previous.chatSeq;
  if (!previous.synced || seq === null || had === null || seq < had) {
    return { ...fresh, chatSeq: seq, skippedLines };
  }
  // The snapshot's lines are the newest the hub accepted, in order: the first of them is number seq - length + 1.
  const missed = Math.max(0, seq - snapshot.messages.length - had);
  const held = new Map(previous.messages.map((message) => [messageKey(message), message]));
  const resent = fresh.messages.map((message) => sameLine(held.get(messageKey(message)), message));
  const inSnapshot = new Set(snapshot.messages.map(messageKey));
  // Sources the hub dropped since the last line this console got (a console that got the `dropLines` itself
  // has none of their old lines left): their lines went from the other views then.
  const droppedSince = new Set(droppedSources.filter((d) => d.chatSeq >= had).map((d) => d.sourceId));
  const kept = previous.messages.filter(
    (message) => !inSnapshot.has(messageKey(message)) && !droppedSince.has(message.source.sourceId),
  );
  const messages = kept.length === 0 ? resent : lastN([...kept, ...resent], limits.messages);
  return { ...fresh, messages, chatSeq: seq, skippedLines: skippedLines + missed };
}

/**
 * The line the console already holds when the snapshot's copy says the same (the hub changes a line only by
 * marking it removed): keeping the held object keeps the console at one copy of its lines across a reconnect
 * (React still holds the previous list until its next render: bench:memory saw 4,004 lines held instead of
 * 2,000) and lets every unchanged row skip its re-render.
 */
function sameLine(held: ChatMessage | undefined, resent: ChatMessage): ChatMessage {
  if (!held) return resent;
  return JSON.stringify(held.removed) === JSON.stringify(resent.removed) ? held : resent;
}

/**
 * After a run of `events` pushes: the hub's `chatSeq` of the last one against the lines they carried. More
 * lines counted by the hub than received means it dropped some from a batch under a flood.
 */
export function advanceChatSeq(
  replica: ModReplica,
  events: ReadonlyArray<OnAirEvent | DropLinesPush>,
  chatSeq: number | undefined,
): ModReplica {
  if (chatSeq === undefined) return replica;
  if (replica.chatSeq === null) return { ...replica, chatSeq };
  let received = 0;
  for (const event of events) if ('kind' in event && event.kind === 'chat') received += 1;
  const missed = chatSeq - replica.chatSeq - received;
  if (chatSeq === replica.chatSeq) return replica;
  return { ...replica, chatSeq, skippedLines: replica.skippedLines + Math.max(0, missed) };
}
