import { afterEach, describe, expect, it } from 'vitest';
import { chatBackoff } from '../../src/main/core/net/backoff';
import { mulberry32 } from '../../src/main/core/providers/demo/prng';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { startChatKcClient, type ClientHarness } from '../fakes/chatkc/client-harness';
import { FakeClock } from '../helpers/fake-clock';
import { reconnectDrill, until, type DrillPlan, type DrillTarget } from '../helpers/reconnect-drill';
import { startHarness, type Harness } from './irc-harness';

/*
 * Issue 10.6: drops 5 s apart, the server back within 2 s. The backoff restarts from its first step once a
 * session is established, so every reconnect comes within 3 s and ChatKC's 50-line replay covers the outage.
 * Outages: seeded, between 0.2 and 2 s, the last ones exactly 2 s.
 */
const outages = (seed: number): ((n: number) => number) => {
  const random = mulberry32(seed);
  return (n) => (n >= 8 ? 2000 : 200 + Math.round(random() * 1800));
};

let chatkc: { server: FakeChatKc; client: ClientHarness } | null = null;
let irc: Harness | null = null;

afterEach(async () => {
  await chatkc?.client.stop();
  await chatkc?.server.stop();
  await irc?.close();
  chatkc = null;
  irc = null;
});

describe('reconnects after repeated short drops (fake clock, real sockets)', () => {
  it('ChatKC: 10 drops 5 s apart, server back within 2 s → each reconnect within 3 s, no line lost', async () => {
    const clock = new FakeClock();
    const server = await startFakeChatKc({ now: () => clock.now() });
    const client = startChatKcClient(server.url, { backoff: chatBackoff, random: mulberry32(11) }, clock);
    chatkc = { server, client };
    let posted = 0;
    const stored = () => server.messages().filter((m) => !m.dropped);
    const delays = await reconnectDrill(
      {
        clock,
        status: () => client.source.status(),
        drop: () => server.kill(),
        restore: () => server.restart(),
        // One line every 100 ms (10 a second, as in the report), during outages too.
        tick: () => {
          if (clock.now() % 100 === 0) server.say('RegularUser', `line ${++posted}`);
        },
        ready: () => until('every stored line', () => client.chats().length === stored().length),
      },
      { drops: 10, everyMs: 5000, outageMs: outages(3) },
    );

    expect(delays).toHaveLength(10);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(3000);
    await until('the last lines', () => client.chats().length === stored().length);
    expect(posted).toBeGreaterThan(450);
    expect(client.chats().map((m) => Number(m.id))).toEqual(stored().map((m) => m.id));
    expect(client.of('notice').filter((n) => n.code === 'history_gap')).toEqual([]);
    expect(client.source.status().counters).toMatchObject({ failedSessions: 0, sessions: 11 });
    console.info(`chatkc short drops: reconnect delays ${delays.join(', ')} ms; ${posted} lines, 0 lost`);
  }, 60_000);

  /** The IRC source on a fake clock against the fake IRC server; a drop refuses reconnects for `outageMs`. */
  async function ircDrill(seed: number, plan: DrillPlan): Promise<{ delays: number[]; h: Harness }> {
    const clock = new FakeClock();
    irc = await startHarness({ clock, deps: { backoff: chatBackoff, random: mulberry32(seed) } });
    const h = irc;
    const target: DrillTarget = {
      clock,
      status: () => h.source.status(),
      drop: async () => {
        h.fake.setRefusing(true);
        h.fake.dropAll();
      },
      restore: async () => h.fake.setRefusing(false),
    };
    return { delays: await reconnectDrill(target, plan), h };
  }

  it('Twitch IRC: 10 drops 5 s apart, server back within 2 s → each reconnect within 3 s', async () => {
    const { delays, h } = await ircDrill(5, { drops: 10, everyMs: 5000, outageMs: outages(8) });
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(3000);
    expect(h.source.status().counters).toMatchObject({ failedSessions: 0, sessions: 11 });
    console.info(`irc short drops: reconnect delays ${delays.join(', ')} ms`);
  }, 60_000);

  it('Twitch IRC: drops 1.5 s apart, server back at once → the delay never grows', async () => {
    const { delays } = await ircDrill(9, { drops: 10, everyMs: 1500, outageMs: () => 0 });
    // The first step of the chat backoff: 0.5 s ± 15 %, every time.
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(580);
    console.info(`irc drops 1.5 s apart: reconnect delays ${delays.join(', ')} ms`);
  }, 60_000);
});
