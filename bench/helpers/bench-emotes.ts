/**
 * `--emotes` for the browser benchmarks: the fake BTTV / FFZ / 7TV APIs and CDN (test/fakes/emotes/) with
 * channel sets holding the corpus's most frequent third-party emote names, so flood lines carry emote parts
 * and the overlay loads their images (from the fake CDN under the real host names, through the real CSP).
 */
import { BTTV, SEVENTV, type FakeEmote } from '../../test/fakes/emotes/fixtures';
import { CDN_HOSTS, startFakeEmoteServer, type FakeEmoteServer } from '../../test/fakes/emotes/emote-server';
import { numericId } from '../../test/fakes/twitch-irc/lines';
import { FLOOD_CHANNEL } from './flood-child';

/** The room id the corpus lines (xQc, 2019) carry in `room-id`. */
const CORPUS_ROOM = '71092938';

/** Names as frequent in the corpus text as Twitch's own emotes; ids are ours (ObjectID-like, unique). */
const names = (codes: string[], prefix: string, animated: string[] = []): FakeEmote[] =>
  codes.map((code, n) => ({
    id: `${prefix}${String(n).padStart(4, '0')}`,
    code,
    animated: animated.includes(code),
  }));

export interface BenchEmotes {
  server: FakeEmoteServer;
  /** Settings endpoints and Chromium flags for `startHeadlessStack`. */
  endpoints: FakeEmoteServer['endpoints'];
  chromiumArgs: string[];
}

export async function startBenchEmotes(): Promise<BenchEmotes> {
  const server = await startFakeEmoteServer({ channels: [CORPUS_ROOM, numericId(FLOOD_CHANNEL)], cdn: true });
  const seventv = ['PogU', 'LULW', 'OMEGALUL', 'WeirdChamp', 'monkaW', 'PepeLaugh', 'PagChomp'];
  const bttv = ['Clap', 'FeelsGoodMan', 'POGGERS', 'gachiHYPER', 'KKonaW', '3Head'];
  server.setChannel('7tv', [...SEVENTV.channel, ...names(seventv, '60ae9a57ac03cad6077b')]);
  server.setChannel('bttv', [
    ...BTTV.channel,
    ...names(bttv, '58a9cde206e70d0465b3', ['Clap', 'gachiHYPER']),
  ]);
  const rules = CDN_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${server.cdnPort}`).join(', ');
  return {
    server,
    endpoints: server.endpoints,
    chromiumArgs: [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'],
  };
}
