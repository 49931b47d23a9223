import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeClientFrame, parseServerFrame } from '../../src/main/core/providers/chatkc/protocol';
import { CAPTURE_DIR } from '../fakes/chatkc/capture';
import { toQtJson, type QtJsonValue } from '../fakes/chatkc/qt-json';

const examples = JSON.parse(readFileSync(resolve(CAPTURE_DIR, 'examples-by-type.json'), 'utf8')) as Record<
  string,
  string
>;

describe('ChatKC protocol', () => {
  it('parses every captured example frame (pretty-printed, multi-line)', () => {
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(17);
    for (const [name, raw] of Object.entries(examples)) {
      expect(raw).toContain('\n');
      const parsed = parseServerFrame(raw);
      expect(parsed.ok, name).toBe(true);
      if (parsed.ok) expect(parsed.frame.type).toBe(name.split('/')[0]);
    }
  });

  it('the fake server serialises exactly like Qt (byte-identical to every captured example)', () => {
    for (const raw of Object.values(examples)) expect(toQtJson(JSON.parse(raw) as QtJsonValue)).toBe(raw);
  });

  it('classifies bad frames without throwing', () => {
    expect(parseServerFrame('not json')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(parseServerFrame('{"type":"pizza","data":{}}')).toMatchObject({
      ok: false,
      problem: 'unknown-type',
    });
    expect(parseServerFrame('[1,2]')).toMatchObject({ ok: false, problem: 'unknown-type' });
    expect(parseServerFrame('null')).toMatchObject({ ok: false, problem: 'unknown-type' });
    expect(parseServerFrame('{"type":"join","data":{"name":5}}')).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    expect(parseServerFrame('{"type":"delete","data":{"messages":[1e300]}}')).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    expect(parseServerFrame(`{"type":"servermsg","data":{"message":"${'x'.repeat(70_000)}"}}`)).toMatchObject(
      {
        ok: false,
        problem: 'too-large',
      },
    );
  });

  it('adds auth and token to client frames only when there is a token', () => {
    const hello = { type: 'hello', data: { last_message: -1 } } as const;
    expect(JSON.parse(encodeClientFrame(hello, null))).toEqual({ type: 'hello', data: { last_message: -1 } });
    expect(JSON.parse(encodeClientFrame(hello, 'tok'))).toEqual({ ...hello, auth: 'google', token: 'tok' });
    expect(JSON.parse(encodeClientFrame({ type: 'getuserconf' }, 'tok'))).toEqual({
      type: 'getuserconf',
      auth: 'google',
      token: 'tok',
    });
  });
});
