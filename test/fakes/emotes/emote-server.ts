import { throwawayCertificate } from '../throwaway-cert';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { BTTV, FFZ, SEVENTV, bttvEmote, ffzEmoticon, seventvActive, type FakeEmote } from './fixtures';
import { ANIMATED_GIF, WEBP_1X1, solidPng } from './images';
import { startFakeSevenTvEvents, type FakeSevenTvEvents } from './seventv-events-server';

/** The 7TV emote-set id of a channel's active set (ObjectID-like, one per channel). */
export const seventvSetId = (twitchId: string): string => `63b0${twitchId.padStart(20, '0')}`;

export type FakeProvider = 'bttv' | 'ffz' | '7tv';

/** The CDN host names the renderer's CSP allows; the e2e browser maps them to the fake CDN. */
export const CDN_HOSTS = ['cdn.betterttv.net', 'cdn.frankerfacez.com', 'cdn.7tv.app'] as const;

export interface FakeEmoteServer {
  /** API bases for `settings.endpoints` (plain HTTP on 127.0.0.1; the 7TV EventAPI on ws://). */
  endpoints: { bttvApi: string; ffzApi: string; seventvApi: string; seventvEvents: string };
  /** The fake 7TV EventAPI. */
  events: FakeSevenTvEvents;
  /** HTTPS port of the fake CDN (any of CDN_HOSTS, told apart by the Host header). */
  cdnPort: number;
  /** API paths requested, in order. */
  apiRequests: string[];
  /** CDN `host/path` requested, in order. */
  cdnRequests: string[];
  /** Answer 500 for this provider's API (or stop doing so). */
  fail(provider: FakeProvider, failing: boolean): void;
  /** Replace a channel set (the next fetch sees it): of every known channel, or of one Twitch user id. */
  setChannel(provider: FakeProvider, emotes: FakeEmote[], twitchId?: string): void;
  stop(): Promise<void>;
}

interface Options {
  /** Twitch user ids that have emotes with every provider; any other id gets the provider's 404. */
  channels: string[];
  /** Serve the CDN too (needs the `openssl` CLI for a throwaway certificate). */
  cdn?: boolean;
  /** The EventAPI's hello heartbeat interval (ms). */
  heartbeatMs?: number;
}

const json = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

/** One fake for the three emote APIs (documented shapes, 404s as the real ones) and their CDNs. */
export async function startFakeEmoteServer(options: Options): Promise<FakeEmoteServer> {
  const channels = new Set(options.channels);
  const failing = new Set<FakeProvider>();
  const sets = { bttv: BTTV.channel, ffz: FFZ.channel, '7tv': SEVENTV.channel };
  /** Per-channel sets (shared-chat partners with emotes of their own), over `sets`. */
  const setsOf = new Map<string, Partial<Sets>>();
  const setsFor = (twitchId: string): Sets => ({ ...sets, ...setsOf.get(twitchId) });
  const apiRequests: string[] = [];
  const cdnRequests: string[] = [];

  const routeApi = (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0]!;
    apiRequests.push(path);
    const [, provider] = path.split('/') as [string, string];
    if (failing.has(provider as FakeProvider)) return json(res, 500, { message: 'internal error' });
    const body = answer(path, channels, setsFor(/\/(\d+)$/.exec(path)?.[1] ?? ''));
    if (body === undefined) return json(res, 404, { message: 'not found' });
    json(res, body.status, body.body);
  };
  const api = createServer(routeApi);
  await listen(api);
  const apiBase = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  let cdn: Server | null = null;
  if (options.cdn) {
    cdn = createTlsServer(throwawayCertificate(CDN_HOSTS), (req, res) => {
      const host = (req.headers.host ?? '').split(':')[0]!;
      cdnRequests.push(`${host}${req.url ?? ''}`);
      const served = [...Object.values(sets), ...[...setsOf.values()].flatMap((own) => Object.values(own))];
      const image = cdnImage(host, req.url ?? '', served.flat());
      if (!image) return json(res, 404, { message: 'not found' });
      res.writeHead(200, { 'content-type': image.type, 'access-control-allow-origin': '*' });
      res.end(image.bytes);
    });
    await listen(cdn);
  }

  const events = await startFakeSevenTvEvents({ heartbeatMs: options.heartbeatMs });
  return {
    endpoints: {
      bttvApi: `${apiBase}/bttv/3`,
      ffzApi: `${apiBase}/ffz/v1`,
      seventvApi: `${apiBase}/7tv/v3`,
      seventvEvents: events.url,
    },
    events,
    cdnPort: cdn ? (cdn.address() as AddressInfo).port : 0,
    apiRequests,
    cdnRequests,
    fail: (provider, on) => void (on ? failing.add(provider) : failing.delete(provider)),
    setChannel: (provider, emotes, twitchId) => {
      if (twitchId === undefined) sets[provider] = emotes;
      else setsOf.set(twitchId, { ...setsOf.get(twitchId), [provider]: emotes });
    },
    stop: async () => {
      await Promise.all([close(api), cdn ? close(cdn) : Promise.resolve(), events.stop()]);
    },
  };
}

type Sets = Record<FakeProvider, FakeEmote[]>;

/** The documented answer for an API path, or undefined for an unknown path. */
function answer(
  path: string,
  channels: Set<string>,
  sets: Sets,
): { status: number; body: unknown } | undefined {
  const id = /\/(\d+)$/.exec(path)?.[1] ?? '';
  const known = channels.has(id);
  if (path === '/7tv/v3/emote-sets/global')
    return {
      status: 200,
      body: {
        id: '62cdd34e72a832540de95857',
        name: 'Global Emotes',
        flags: 0,
        emotes: SEVENTV.global.map(seventvActive),
      },
    };
  if (path.startsWith('/7tv/v3/users/twitch/'))
    return known
      ? {
          status: 200,
          body: {
            id,
            platform: 'TWITCH',
            emote_set_id: null,
            emote_set: {
              id: seventvSetId(id),
              name: 'Tabula rasa',
              emotes: sets['7tv'].map(seventvActive),
            },
          },
        }
      : {
          status: 404,
          body: { status_code: 404, status: 'Not Found', error: 'unknown user', error_code: 70442 },
        };
  if (path === '/bttv/3/cached/emotes/global')
    return { status: 200, body: BTTV.global.map((e) => bttvEmote(e, 'global')) };
  if (path.startsWith('/bttv/3/cached/users/twitch/'))
    return known
      ? {
          status: 200,
          body: {
            id: '5575430f9cd396156bd1430c',
            bots: [],
            avatar: '',
            channelEmotes: sets.bttv.map((e) => bttvEmote(e, 'user')),
            sharedEmotes: BTTV.shared.map((e) => bttvEmote(e, 'shared')),
          },
        }
      : { status: 404, body: { message: 'user not found' } };
  if (path === '/ffz/v1/set/global')
    return {
      status: 200,
      body: {
        default_sets: [3],
        sets: { '3': ffzSet(3, FFZ.global), '4330': ffzSet(4330, FFZ.restricted) },
        users: { '4330': ['someone'] },
      },
    };
  if (path.startsWith('/ffz/v1/room/id/'))
    return known
      ? {
          status: 200,
          body: {
            room: {
              _id: 318194,
              twitch_id: Number(id),
              id: 'channel',
              set: 318206,
              mod_urls: null,
              vip_badge: null,
            },
            sets: { '318206': ffzSet(318206, sets.ffz) },
          },
        }
      : { status: 404, body: { error: 'Not Found', status: 404, message: 'No such room' } };
  return undefined;
}

const ffzSet = (id: number, emotes: FakeEmote[]) => ({
  id,
  _type: 1,
  icon: null,
  title: `Set ${id}`,
  css: null,
  emoticons: emotes.map(ffzEmoticon),
});

/** Image bytes for a CDN path: GIF for animated emotes, WebP for 7TV, PNG sized to the scale otherwise. */
function cdnImage(host: string, path: string, served: FakeEmote[]): { type: string; bytes: Buffer } | null {
  const all = [
    ...served,
    ...SEVENTV.global,
    ...SEVENTV.channel,
    ...BTTV.global,
    ...BTTV.channel,
    ...BTTV.shared,
    ...FFZ.global,
    ...FFZ.channel,
  ];
  const match = /^\/emote\/([^/]+)\/(?:animated\/)?(\d)x?(\.webp)?$/.exec(path);
  const emote = match ? all.find((e) => e.id === match[1]) : undefined;
  if (!match || !emote) return null;
  if (emote.animated) return { type: 'image/gif', bytes: ANIMATED_GIF };
  if (host === 'cdn.7tv.app') return { type: 'image/webp', bytes: WEBP_1X1 };
  const scale = Number(match[2]);
  return { type: 'image/png', bytes: solidPng(28 * scale, 28 * scale, [40, 160, 90, 255]) };
}

const listen = (server: Server): Promise<void> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
