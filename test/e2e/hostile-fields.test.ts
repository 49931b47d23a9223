import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModSnapshot } from '../../src/shared/api';
import type { ChatMessage } from '../../src/shared/events';
import { defaultSettings } from '../../src/shared/settings';
import type { OnAirCore } from '../../src/main/core/core-types';
import { silentLogger } from '../../src/main/core/log/logger';
import { rendererBuilt, serveCore, type ServedCore } from './harness';
import { lineReport } from './page-probes';
import { deliverTo, modSnapshot } from '../helpers/view-double';
import { emptyCardHandlers } from '../helpers/empty-card';

/**
 * Chat fields a hostile or broken service could send (colour, link and image URLs) — the demo cannot produce
 * these, so a minimal core double feeds them to the real renderer through the real server.
 */
const hostile: ChatMessage = {
  kind: 'chat',
  id: 'evil-1',
  source: { sourceId: 'src', provider: 'twitch', channel: 'x' },
  author: {
    id: 'u9',
    login: 'mallory',
    displayName: 'Mallory<b>',
    color: 'red;background:url(https://evil.example/c)',
    badges: [
      { setId: 'moderator', version: '1', title: 'Moderator', imageUrl: 'javascript:alert(1)' },
      {
        setId: 'vip',
        version: '1',
        title: 'VIP',
        imageUrl: 'https://static-cdn.jtvnw.net/badge.png" onerror="x',
      },
    ],
    roles: [],
  },
  parts: [
    { type: 'text', text: 'see ' },
    { type: 'link', text: 'click me', url: 'javascript:window.__pwned=1' },
    { type: 'text', text: ' and ' },
    { type: 'emote', text: 'Kappa', id: '25', url: 'javascript:window.__pwned=2' },
    { type: 'link', text: 'https://ok.example', url: 'https://ok.example/' },
  ],
  text: 'see click me and Kappa https://ok.example',
  flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
  reply: null,
  serverTime: Date.now(),
  receivedAt: Date.now(),
  targetable: true,
};

function coreDouble(): OnAirCore {
  const snapshot: ModSnapshot = modSnapshot({ messages: [hostile], timeoutPresets: [60] });
  const refuse = async () => ({ ok: false as const, code: 'unsupported' as const, message: 'no' });
  return {
    handlers: {
      act: refuse,
      keepOffStream: refuse,
      send: refuse,
      getSettings: async () => defaultSettings(),
      updateSettings: refuse,
      alertControl: refuse,
      loginTwitch: refuse,
      cancelLogin: refuse,
      logoutTwitch: refuse,
      reconnect: refuse,
      setSourceToken: refuse,
      setClickThrough: refuse,
      getOverlayUrl: async () => ({ url: null }),
      ...emptyCardHandlers(),
    },
    log: silentLogger,
    settings: () => defaultSettings(),
    setBrowserSourceUrl: () => {},
    start: async () => {},
    stop: async () => {},
    attachView: (kind, send) => ({
      ready: () => deliverTo(kind, send)({ type: 'snapshot', snapshot }),
      detach: () => {},
    }),
  };
}

describe.skipIf(!rendererBuilt())('hostile event fields in Chromium', () => {
  let served: ServedCore;

  beforeAll(async () => {
    served = await serveCore(coreDouble());
  });

  afterAll(async () => {
    await served?.close();
  });

  for (const view of ['overlay', 'mod'] as const) {
    it(`${view}: colours, links, emote and badge URLs are checked before use`, async () => {
      const page = await served.browser.newPage();
      await page.goto(view === 'overlay' ? served.server.overlayUrl : served.server.modUrl);
      const line = page.locator(`[data-message-id="evil-1"]`);
      await line.waitFor();
      const report = await page.evaluate<{
        text: string;
        styles: string[];
        hrefs: string[];
        imgs: string[];
        bold: number;
        pwned: number | null;
      }>(lineReport('evil-1'));
      expect(report.text).toContain('Mallory<b>');
      expect(report.text).toContain('click me');
      expect(report.text).toContain('Kappa');
      expect(report.bold).toBe(0);
      expect(report.pwned).toBeNull();
      for (const style of report.styles) expect(style).toMatch(/^color: rgb\(\d+, \d+, \d+\);?$/);
      // Only the https link may be clickable, and only in the mod console.
      expect(report.hrefs).toEqual(view === 'mod' ? ['https://ok.example/'] : []);
      // The one safe image URL, escaped. It cannot load here (no network), so the badge may already have
      // turned into its text pill (Badges.tsx): either way, no other URL was ever used.
      for (const src of report.imgs)
        expect(src).toBe('https://static-cdn.jtvnw.net/badge.png%22%20onerror=%22x');
      expect(report.imgs.length).toBeLessThanOrEqual(1);
      await page.close();
    });
  }
});
