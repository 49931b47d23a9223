import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OnAirEvent } from '../../src/shared/events';
import { silentLogger } from '../../src/main/core/log/logger';
import { ChatKcHistory } from '../../src/main/core/providers/chatkc/chat-history';
import { ChatKcReceiver, type ReceiverConnection } from '../../src/main/core/providers/chatkc/receiver';
import { RequestQueue } from '../../src/main/core/providers/chatkc/requests';
import { StatusReporter } from '../../src/main/core/net/status-reporter';
import { CAPTURE_DIR } from '../fakes/chatkc/capture';
import { FakeClock } from '../helpers/fake-clock';
import { mulberry32 } from '../../src/main/core/providers/demo/prng';

const examples = Object.values(
  JSON.parse(readFileSync(resolve(CAPTURE_DIR, 'examples-by-type.json'), 'utf8')) as Record<string, string>,
);

const WEIRD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  1946238848,
  '',
  'x'.repeat(9000),
  '\u0000\ud800',
  [],
  [1, 'a'],
  {},
  { __proto__: { polluted: true } },
  'constructor',
  '<script>alert(1)</script>',
  '&#0;&#xFFFFFF;',
];

type Case = { raw: string; expect: 'bad' | 'unknown' | 'any' };

function makeCase(random: () => number): Case {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)] as T;
  const base = pick(examples);
  const frame = JSON.parse(base) as { type: string; data: Record<string, unknown> };
  switch (Math.floor(random() * 6)) {
    case 0: // truncated: a prefix of an object is never valid JSON
      return { raw: base.slice(0, Math.floor(random() * (base.lastIndexOf('}') - 1))), expect: 'bad' };
    case 1:
      return {
        raw: JSON.stringify({ ...frame, type: pick(['', 'CHAT', 'paypal', 'hello', 'x'.repeat(100)]) }),
        expect: 'unknown',
      };
    case 2: {
      const keys = Object.keys(frame.data);
      const key = keys.length ? pick(keys) : 'missing';
      const value = pick(WEIRD_VALUES.filter((v) => typeof v !== typeof frame.data[key] || Array.isArray(v)));
      return { raw: JSON.stringify({ ...frame, data: { ...frame.data, [key]: value } }), expect: 'any' };
    }
    case 3:
      return { raw: JSON.stringify({ type: frame.type, data: pick(WEIRD_VALUES) }), expect: 'any' };
    case 4: {
      const bytes = [...base];
      for (let i = 0; i < 3; i++)
        bytes[Math.floor(random() * bytes.length)] = String.fromCharCode(Math.floor(random() * 128));
      return { raw: bytes.join(''), expect: 'any' };
    }
    default:
      return {
        raw: pick(['', ' ', '[]', '1', '"chat"', '{"type":null}', '{'.repeat(5000), 'x'.repeat(70_000)]),
        expect: 'any',
      };
  }
}

describe('ChatKC receiver under fuzzed server frames', () => {
  it('drops and counts 5000 seeded hostile frames without crashing, and still works afterwards', () => {
    const clock = new FakeClock();
    const events: OnAirEvent[] = [];
    const ref = { sourceId: 'chatkc:fuzz', provider: 'chatkc', channel: 'fuzz' } as const;
    const reporter = new StatusReporter(ref, 'ChatKC fuzz', (e) => events.push(e), clock);
    const receiver = new ChatKcReceiver({
      ref,
      clock,
      log: silentLogger,
      emit: (e) => events.push(e),
      reporter,
      history: new ChatKcHistory(),
      hasToken: true,
    });
    const requests = new RequestQueue(clock, 1000, () => {});
    const connection: ReceiverConnection = { requests, replaying: true, presenceStarted: false };
    const random = mulberry32(20261122);
    const counts = { bad: 0, unknown: 0, any: 0 };
    for (let i = 0; i < 5000; i++) {
      if (i % 50 === 0) void requests.submit('delete', { type: 'getuserconf' }, 7);
      const c = makeCase(random);
      const before = { ...reporter.get().counters };
      expect(() => receiver.handleRaw(c.raw, connection)).not.toThrow();
      const after = reporter.get().counters ?? {};
      if (c.expect === 'bad') expect(after.badFrames).toBe((before.badFrames ?? 0) + 1);
      if (c.expect === 'unknown') expect(after.unknownFrames).toBe((before.unknownFrames ?? 0) + 1);
      counts[c.expect] += 1;
      clock.advance(10);
    }
    const counters = reporter.get().counters ?? {};
    expect(counts.bad).toBeGreaterThan(500);
    expect(counts.unknown).toBeGreaterThan(500);
    expect((counters.badFrames ?? 0) + (counters.unknownFrames ?? 0)).toBeGreaterThan(
      counts.bad + counts.unknown,
    );
    for (const event of events) {
      if (event.kind === 'chat') {
        expect(typeof event.text).toBe('string');
        expect(event.author.color === null || /^#[0-9a-fA-F]{6}$/.test(event.author.color)).toBe(true);
        expect([0, 20, 50, 100]).toContain(event.extras?.chatkc?.level);
      }
      if (event.kind === 'notice') expect(typeof event.text).toBe('string');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const good = '{\n    "data": {\n        "name": "StillAlive"\n    },\n    "type": "join"\n}\n';
    receiver.handleRaw(good, connection);
    expect(events.at(-1)).toMatchObject({ kind: 'presence', joined: ['StillAlive'] });
  });
});
