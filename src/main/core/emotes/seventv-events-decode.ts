import { z } from 'zod';
import { parseJsonOrNull } from '../net/parse-json';
import { seventvEmote } from './seventv';
import { SAFE_ID, type ThirdPartyEmote } from './types';

/** 7TV EventAPI v3 opcodes (docs/emotes.md "7TV live updates"). */
export const OP = {
  dispatch: 0,
  hello: 1,
  heartbeat: 2,
  reconnect: 4,
  ack: 5,
  error: 6,
  endOfStream: 7,
  subscribe: 35,
} as const;

/** One change to a cached set: an emote added, removed (by emote id), or renamed/replaced. */
export type SetChange =
  | { op: 'add'; emote: ThirdPartyEmote }
  | { op: 'remove'; id: string }
  | { op: 'replace'; oldId: string; emote: ThirdPartyEmote };

export type EventApiFrame =
  | { kind: 'hello'; heartbeatMs: number; subscriptionLimit: number | null }
  | { kind: 'heartbeat' }
  | { kind: 'reconnect' }
  | { kind: 'end'; reason: string }
  | { kind: 'error'; reason: string }
  | { kind: 'setUpdate'; setId: string; changes: SetChange[]; dropped: number }
  /** Acks and dispatches of other types: valid, nothing to do. */
  | { kind: 'other' };

/** The server chooses the interval; one outside these bounds is clamped so the watchdog stays sane. */
const MIN_HEARTBEAT_MS = 1_000;
const MAX_HEARTBEAT_MS = 5 * 60_000;

const envelope = z.object({ op: z.number().int(), d: z.unknown() });
const hello = z.object({
  heartbeat_interval: z.number().positive(),
  subscription_limit: z.number().int().optional(),
});
const dispatch = z.object({ type: z.string(), body: z.unknown() });
const changeField = z.object({
  key: z.string(),
  value: z.unknown().optional(),
  old_value: z.unknown().optional(),
});
const changeList = z.array(z.unknown()).nullish();
const setUpdate = z.object({
  id: z.string().regex(SAFE_ID),
  pushed: changeList,
  pulled: changeList,
  updated: changeList,
});
const oldValue = z.object({ id: z.string().regex(SAFE_ID) });
const text = z.object({ message: z.string().optional() }).passthrough();

/** A frame of the EventAPI, or null when it is not one (malformed: the caller drops and counts it). */
export function decodeEventApiFrame(raw: string): EventApiFrame | null {
  const parsed = envelope.safeParse(parseJsonOrNull(raw));
  if (!parsed.success) return null;
  const { op, d } = parsed.data;
  switch (op) {
    case OP.hello: {
      const body = hello.safeParse(d);
      if (!body.success) return null;
      const ms = Math.min(MAX_HEARTBEAT_MS, Math.max(MIN_HEARTBEAT_MS, body.data.heartbeat_interval));
      const limit = body.data.subscription_limit;
      return {
        kind: 'hello',
        heartbeatMs: ms,
        subscriptionLimit: limit !== undefined && limit > 0 ? limit : null,
      };
    }
    case OP.heartbeat:
      return { kind: 'heartbeat' };
    case OP.reconnect:
      return { kind: 'reconnect' };
    case OP.endOfStream:
    case OP.error: {
      const reason = text.safeParse(d).data?.message ?? '';
      return { kind: op === OP.error ? 'error' : 'end', reason };
    }
    case OP.ack:
      return { kind: 'other' };
    case OP.dispatch:
      return decodeDispatch(d);
    default:
      return null;
  }
}

function decodeDispatch(d: unknown): EventApiFrame | null {
  const parsed = dispatch.safeParse(d);
  if (!parsed.success) return null;
  if (parsed.data.type !== 'emote_set.update') return { kind: 'other' };
  const body = setUpdate.safeParse(parsed.data.body);
  if (!body.success) return null;
  const frame = { kind: 'setUpdate' as const, setId: body.data.id, changes: [] as SetChange[], dropped: 0 };
  // Applied in this order (pushed, pulled, updated), as the frame lists them.
  for (const [list, read] of [
    [body.data.pushed, readPushed],
    [body.data.pulled, readPulled],
    [body.data.updated, readUpdated],
  ] as const) {
    for (const entry of list ?? []) {
      const field = changeField.safeParse(entry);
      if (field.success && field.data.key !== 'emotes') continue; // set name, capacity…: not ours
      const change = field.success ? read(field.data.value, field.data.old_value) : null;
      if (change) frame.changes.push(change);
      else frame.dropped += 1;
    }
  }
  return frame;
}

const readPushed = (value: unknown): SetChange | null => {
  const emote = seventvEmote(value);
  return emote ? { op: 'add', emote } : null;
};
const readPulled = (_value: unknown, old: unknown): SetChange | null => {
  const parsed = oldValue.safeParse(old);
  return parsed.success ? { op: 'remove', id: parsed.data.id } : null;
};
const readUpdated = (value: unknown, old: unknown): SetChange | null => {
  const parsed = oldValue.safeParse(old);
  const emote = seventvEmote(value);
  return parsed.success && emote ? { op: 'replace', oldId: parsed.data.id, emote } : null;
};
