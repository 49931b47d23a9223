import { parseJsonOrNull } from '../../../net/parse-json';

/**
 * StreamElements Astro gateway frames (docs/protocol-tips.md). Server frames are JSON objects
 * `{id, ts, type, data}` with `type` one of `welcome`, `response`, `message`, `reconnect`; `message` adds
 * `topic`/`room`, `response` adds `nonce` and, on failure, `error`.
 */
export type AstroFrame =
  | { type: 'welcome'; clientId: string }
  | { type: 'response'; nonce: string; error: string | null; message: string; room: string | null }
  | { type: 'message'; topic: string; room: string; data: unknown }
  | { type: 'reconnect' }
  | { type: 'invalid'; why: string };

export const TIPS_TOPIC = 'channel.tips';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function responseFrame(frame: Fields, data: Fields): AstroFrame {
  return {
    type: 'response',
    nonce: text(frame.nonce),
    error: typeof frame.error === 'string' && frame.error ? frame.error : null,
    message: text(data.message).slice(0, 300),
    room: typeof data.room === 'string' && data.room ? data.room : null,
  };
}

/** Decodes one text frame; anything unexpected becomes `invalid` (dropped and counted by the caller). */
export function parseAstroFrame(raw: string): AstroFrame {
  const frame = parseJsonOrNull(raw);
  if (!isObject(frame)) return { type: 'invalid', why: 'not a JSON object' };
  const data = isObject(frame.data) ? frame.data : {};
  switch (frame.type) {
    case 'welcome':
      return { type: 'welcome', clientId: text(data.client_id) };
    case 'response':
      return responseFrame(frame, data);
    case 'message':
      if (typeof frame.topic !== 'string') return { type: 'invalid', why: 'message without a topic' };
      return { type: 'message', topic: frame.topic, room: text(frame.room), data: frame.data };
    case 'reconnect':
      return { type: 'reconnect' };
    default:
      return { type: 'invalid', why: `unknown frame type ${String(frame.type).slice(0, 40)}` };
  }
}

export function subscribeRequest(nonce: string, token: string): string {
  return JSON.stringify({
    type: 'subscribe',
    nonce,
    data: { topic: TIPS_TOPIC, token, token_type: 'jwt' },
  });
}
