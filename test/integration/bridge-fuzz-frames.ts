/**
 * Hostile frames for the bridge fuzz test, as raw JSON text (so `__proto__` stays an own key, `1e999` and
 * 30-digit numbers reach `JSON.parse` as written, and deep nesting needs no recursion to build). Every frame
 * is bad: a request that would pass validation is never generated.
 */
import type { ModMethod } from '../../src/shared/api';
import { createRng, mulberry32, type Rng } from '../../src/main/core/providers/demo/prng';

type Kind = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'none';

/** A valid params object per method (or per `act` variant); every field gets replaced in turn. */
const TEMPLATES: Array<[ModMethod, Record<string, unknown> | undefined]> = [
  ['act', { type: 'delete', sourceId: 's', messageId: 'm' }],
  ['act', { type: 'timeout', sourceId: 's', userId: 'u', login: 'l', seconds: 60, reason: 'r' }],
  ['act', { type: 'ban', sourceId: 's', userId: 'u', login: 'l', reason: 'r' }],
  ['act', { type: 'unban', sourceId: 's', userId: 'u', login: 'l' }],
  ['act', { type: 'warn', sourceId: 's', userId: 'u', login: 'l', reason: 'r' }],
  ['act', { type: 'mod', sourceId: 's', login: 'l', userId: 'u' }],
  ['act', { type: 'ipban', sourceId: 's', address: '1.2.3.4' }],
  ['act', { type: 'automod', sourceId: 's', holdId: 'h', allow: true }],
  ['act', { type: 'chatModes', sourceId: 's', modes: { emoteOnly: true } }],
  ['act', { type: 'announce', sourceId: 's', text: 't', color: 'blue' }],
  ['act', { type: 'userConf', sourceId: 's', name: 'n', color: '#aabbcc' }],
  ['send', { sourceId: 's', text: 't', replyTo: 'm' }],
  ['updateSettings', { version: 1, sources: [], overlay: {}, twitch: {}, alerts: {}, endpoints: {} }],
  ['alertControl', { command: 'replay', alertId: 'a' }],
  ['alertControl', { command: 'test', alertType: 'raid' }],
  ['reconnect', { sourceId: 's' }],
  ['setSourceToken', { sourceId: 's', token: 'tok' }],
  ['setClickThrough', { enabled: true }],
  ['getSettings', undefined],
  ['loginTwitch', undefined],
  ['cancelLogin', undefined],
  ['logoutTwitch', undefined],
  ['getOverlayUrl', undefined],
];

const deepArray = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
const deepObject = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** Values that are the wrong type for every kind except the ones named. */
const HOSTILE: Array<[string, Kind]> = [
  ['{"toString":1}', 'object'],
  ['{"valueOf":1,"toString":{"a":[]}}', 'object'],
  ['{"__proto__":{"polluted":1}}', 'object'],
  ['{"__proto__":null,"constructor":{"prototype":{"polluted":1}}}', 'object'],
  ['{"constructor":1,"hasOwnProperty":2}', 'object'],
  ['{}', 'object'],
  ['[]', 'array'],
  ['[1,"a",null,{"toString":1}]', 'array'],
  ['["__proto__","constructor"]', 'array'],
  ['1e999', 'none'], // Infinity after JSON.parse: no schema accepts it
  ['-1e999', 'none'],
  ['1e308', 'number'],
  ['123456789012345678901234567890', 'number'],
  ['-0', 'number'],
  ['0.5', 'number'],
  ['true', 'boolean'],
  ['null', 'none'],
  ['"__proto__"', 'string'],
  ['"constructor"', 'string'],
  ['"\\u0000\\u2028\\ud800"', 'string'],
  [`"${'x'.repeat(5000)}"`, 'string'],
  [deepArray(40), 'array'],
  [deepObject(40), 'object'],
];
/** Big ones, used sparingly: each is about 60 KB, under the 64 KiB frame limit. */
const DEEP: string[] = [deepArray(30_000), deepObject(10_000)];
/** Over 64 KiB: `ws` drops these and closes the socket. */
export const OVERSIZE_FRAME = `{"id":1,"method":${deepObject(30_000)}}`;

const kindOf = (value: unknown): Kind =>
  Array.isArray(value) ? 'array' : value === null ? 'none' : (typeof value as Kind);

export interface FuzzFrame {
  text: string;
  /** The id the server must echo, when the frame carries a plain numeric one. */
  id: number | null;
}

function objectText(entries: Array<[string, string]>): string {
  return `{${entries.map(([key, raw]) => `${JSON.stringify(key)}:${raw}`).join(',')}}`;
}

/**
 * A value the schema must refuse where a `kind` value belongs. Numbers stay in play for number fields: every
 * number field of the templates (`seconds`, `version`) refuses all of them. A string field never gets `null`
 * (`token` is nullable).
 */
function wrongFor(kind: Kind, rng: Rng): string {
  if (rng.chance(0.01)) return rng.pick(DEEP);
  for (;;) {
    const [raw, rawKind] = rng.pick(HOSTILE);
    if (rawKind === kind && kind !== 'number') continue;
    if (kind === 'string' && raw === 'null') continue;
    return raw;
  }
}

/** A contract method with exactly one field (or the whole params) of the wrong type. */
function badParamsFrame(id: number, rng: Rng): FuzzFrame {
  const [method, template] = rng.pick(TEMPLATES);
  const fields = template ? Object.keys(template) : [];
  const target = rng.int(0, fields.length);
  let params: string;
  if (!template || target === fields.length) {
    // Methods without params take only `undefined`, which JSON cannot say: any value is wrong.
    params = wrongFor(template ? 'object' : 'none', rng);
  } else {
    params = objectText(
      fields.map((field, at) => [
        field,
        at === target ? wrongFor(kindOf(template[field]), rng) : JSON.stringify(template[field]),
      ]),
    );
  }
  return {
    text: objectText([
      ['id', String(id)],
      ['method', JSON.stringify(method)],
      ['params', params],
    ]),
    id,
  };
}

const HOSTILE_NAMES = [
  '"__proto__"',
  '"constructor"',
  '"toString"',
  '"hasOwnProperty"',
  '"ACT"',
  '"act "',
  '""',
];
const BAD_SHAPES = [
  '[]',
  '1',
  '"x"',
  'null',
  'true',
  '{',
  '}{',
  '',
  '{"id":1,"method":"act"',
  deepArray(30_000),
];

/** A frame whose method, id or shape is hostile. */
function badShapeFrame(id: number, rng: Rng): FuzzFrame {
  const roll = rng.next();
  if (roll < 0.35) {
    // Small params: a deep method and deep params together would pass 64 KiB.
    return {
      text: objectText([
        ['id', String(id)],
        ['method', wrongFor('string', rng)],
        ['params', rng.pick(HOSTILE)[0]],
      ]),
      id,
    };
  }
  if (roll < 0.5)
    return {
      text: objectText([
        ['id', String(id)],
        ['method', rng.pick(HOSTILE_NAMES)],
      ]),
      id,
    };
  // A hostile id: some are valid ids after all ("__proto__", 1e308), echoed as sent; the rest get null.
  if (roll < 0.75)
    return {
      text: objectText([
        ['id', wrongFor('none', rng)],
        ['method', '"act"'],
      ]),
      id: null,
    };
  return { text: rng.pick(BAD_SHAPES), id: null };
}

/** `count` bad frames; ids are unique per call, starting at `firstId`. */
export function fuzzFrames(count: number, seed: number, firstId = 1): FuzzFrame[] {
  const rng = createRng(mulberry32(seed));
  return Array.from({ length: count }, (_, at) =>
    rng.chance(0.7) ? badParamsFrame(firstId + at, rng) : badShapeFrame(firstId + at, rng),
  );
}
