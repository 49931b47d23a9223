import { z } from 'zod';

/**
 * The ChatKC wire format (docs/protocol-chatkc.md). Frames from the server are validated here and nowhere
 * else; anything that does not fit is dropped by the caller and counted, never thrown further.
 */

/** Frames bigger than this are dropped unparsed (the real server caps messages at 500 characters). */
export const MAX_FRAME_CHARS = 64 * 1024;

const safeId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const name = z.string().max(64);
const text = z.string().max(8192);

export const chatDataSchema = z.object({
  id: safeId,
  author: name,
  author_id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  // Validated later (bad colours become "default"); a bad colour must not cost the message.
  author_color: z.string().max(256),
  /** May be garbage (uninitialised memory on the real server); normalised later, never trusted. */
  author_level: z.number().optional(),
  auth: z.number().optional(),
  message: text,
  donate_value: z.string().max(32).optional(),
  reply: safeId.optional(),
  time: z.number().int().min(0).max(8.64e15),
});
export type ChatData = z.infer<typeof chatDataSchema>;

const frame = <T extends string, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), data });

export const serverFrameSchema = z.discriminatedUnion('type', [
  frame('accepted', z.object({ message: text })),
  frame('authlevel', z.object({ value: z.number().int().min(-1_000_000).max(Number.MAX_SAFE_INTEGER) })),
  frame('chat', chatDataSchema),
  frame('delete', z.object({ messages: z.array(safeId).max(10_000) })),
  frame('getuserconf', z.object({ color: z.string().max(16), name })),
  frame('join', z.object({ name })),
  frame('part', z.object({ name })),
  frame('servermsg', z.object({ message: text })),
  frame('status', z.object({ status: z.string().max(64) })),
]);
export type ServerFrame = z.infer<typeof serverFrameSchema>;
export type ServerFrameType = ServerFrame['type'];

const KNOWN_TYPES = new Set<string>([
  'accepted',
  'authlevel',
  'chat',
  'delete',
  'getuserconf',
  'join',
  'part',
  'servermsg',
  'status',
] satisfies ServerFrameType[]);

export type ParsedFrame =
  | { ok: true; frame: ServerFrame }
  | { ok: false; problem: 'too-large' | 'not-json' | 'unknown-type' | 'invalid'; detail: string };

/** Parses one (usually pretty-printed, multi-line) server frame. Never throws. */
export function parseServerFrame(raw: string): ParsedFrame {
  if (raw.length > MAX_FRAME_CHARS) return { ok: false, problem: 'too-large', detail: `${raw.length} chars` };
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'not-json', detail: raw.slice(0, 40) };
  }
  const type = json !== null && typeof json === 'object' ? (json as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return { ok: false, problem: 'unknown-type', detail: String(type).slice(0, 40) };
  }
  const result = serverFrameSchema.safeParse(json);
  if (!result.success)
    return { ok: false, problem: 'invalid', detail: `${type}: ${result.error.issues[0]?.message}` };
  return { ok: true, frame: result.data };
}

export type ClientFrame =
  | { type: 'hello'; data: { last_message: number } }
  | { type: 'status'; data: Record<string, never> }
  | { type: 'getuserconf' }
  | { type: 'setuserconf'; data: { name: string; color: string } }
  | { type: 'message'; data: { text: string; reply: number } };

/** Every frame to the server carries `auth` and `token`; without a token both are left out (read-only). */
export function encodeClientFrame(frame: ClientFrame, token: string | null): string {
  return JSON.stringify(token ? { ...frame, auth: 'google', token } : frame);
}
