import type { ActionResult, ModHandlers, ModMethod, ModPush, ModSnapshot } from '../../src/shared/api';
import type { Capability, ChatMessage, SourceRef, SourceStatus } from '../../src/shared/events';
import { defaultSettings } from '../../src/shared/settings';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { deliverTo, modSnapshot } from '../helpers/view-double';
import { emptyCardHandlers } from '../helpers/empty-card';

/**
 * A scriptable core for UI tests of states the demo source never reaches (AutoMod holds, service errors,
 * several providers). Records every handler call; `publish` pushes to every ready view.
 */
export interface FakeCore {
  core: OnAirCore;
  calls: Array<{ method: ModMethod; params: unknown }>;
  /** The mod console's snapshot; overlays get their share of it (test/helpers/view-double.ts). */
  snapshot: ModSnapshot;
  publish(push: ModPush): void;
  /** The next `act` answers this instead of `{ ok: true, local: false }`. */
  nextActResult: ActionResult | null;
}

export function createFakeCore(snapshot: Partial<ModSnapshot> = {}): FakeCore {
  const views: Array<{ deliver: (push: ModPush) => void; ready: boolean }> = [];
  const fake: FakeCore = {
    calls: [],
    nextActResult: null,
    snapshot: modSnapshot({ timeoutPresets: [1, 60, 600, 86400], ...snapshot }),
    publish: (push) => views.filter((view) => view.ready).forEach((view) => view.deliver(push)),
    core: undefined as unknown as OnAirCore,
  };
  const record =
    <M extends ModMethod>(method: M) =>
    async (params: unknown): Promise<ActionResult> => {
      fake.calls.push({ method, params });
      if (method === 'act' && fake.nextActResult) {
        const result = fake.nextActResult;
        fake.nextActResult = null;
        return result;
      }
      return { ok: true, local: false };
    };
  const handlers: ModHandlers = {
    act: record('act'),
    send: record('send'),
    getSettings: async () => {
      fake.calls.push({ method: 'getSettings', params: undefined });
      return defaultSettings();
    },
    updateSettings: async (params) => {
      fake.calls.push({ method: 'updateSettings', params });
      return { ok: false, code: 'bad-request', message: 'sources.0.channel: a Twitch login' };
    },
    alertControl: record('alertControl'),
    loginTwitch: record('loginTwitch'),
    cancelLogin: record('cancelLogin'),
    logoutTwitch: record('logoutTwitch'),
    reconnect: record('reconnect'),
    setSourceToken: record('setSourceToken'),
    setClickThrough: record('setClickThrough'),
    getOverlayUrl: async () => ({ url: 'http://127.0.0.1:7480/overlay' }),
    ...emptyCardHandlers(),
    keepOffStream: record('keepOffStream'),
  };
  fake.core = {
    handlers,
    log: silentLogger,
    settings: () => defaultSettings(),
    setBrowserSourceUrl: () => {},
    start: async () => {},
    stop: async () => {},
    attachView: (kind, send) => {
      const view = { deliver: deliverTo(kind, send), ready: false };
      views.push(view);
      return {
        ready: () => {
          view.ready = true;
          view.deliver({ type: 'snapshot', snapshot: fake.snapshot });
        },
        detach: () => void views.splice(views.indexOf(view), 1),
      };
    },
  };
  return fake;
}

export const twitchRef: SourceRef = { sourceId: 'twitch:chan', provider: 'twitch', channel: 'chan' };
export const chatkcRef: SourceRef = {
  sourceId: 'chatkc:main',
  provider: 'chatkc',
  channel: 'stream.mattkc.com',
};

export function statusOf(source: SourceRef, label: string, capabilities: Capability[]): SourceStatus {
  return {
    kind: 'status',
    source,
    label,
    state: 'connected',
    since: Date.now() - 60_000,
    lastMessageAt: Date.now(),
    reconnects: 2,
    error: null,
    capabilities,
    identity: { login: 'streamer', displayName: 'Streamer' },
    demo: false,
    counters: { gapsRefilled: 1 },
  };
}

let serial = 0;
export function chatLine(
  source: SourceRef,
  login: string,
  text: string,
  over: Partial<ChatMessage> = {},
): ChatMessage {
  serial += 1;
  return {
    kind: 'chat',
    id: `${source.provider}-${serial}`,
    source,
    author: {
      id: `id-${login}`,
      login,
      displayName: login,
      color: '#1e90ff',
      badges: [],
      roles: ['subscriber'],
    },
    parts: [{ type: 'text', text }],
    text,
    flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
    reply: null,
    serverTime: Date.now(),
    receivedAt: Date.now(),
    targetable: true,
    ...over,
  };
}
