import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { focusedMessageId, focusedTab } from './page-probes';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

const CORPUS = resolve(
  import.meta.dirname,
  '../../../shared/corpora/twitch-irc/real/chatterino_recentmessages-nymn-2024.txt',
);

interface CorpusLine {
  raw: string;
  id: string;
  login: string;
  text: string;
  mod: boolean;
  first: boolean;
}

/** The PRIVMSGs of a real #nymn capture, with the facts each search operator needs read from the raw tags. */
function corpusLines(): CorpusLine[] {
  const seen = new Set<string>();
  const out: CorpusLine[] = [];
  for (const raw of readFileSync(CORPUS, 'utf8').split('\n')) {
    const match = /^@(\S+) :(\w+)!\S+ PRIVMSG #\w+ :?(.*)$/.exec(raw);
    if (!match) continue;
    const tags = new Map(match[1].split(';').map((tag) => tag.split('=') as [string, string]));
    const id = tags.get('id');
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const action = match[3].startsWith('\u0001ACTION ') && match[3].endsWith('\u0001');
    const text = action ? match[3].slice(8, -1) : match[3];
    const badges = tags.get('badges') ?? '';
    const mod = tags.get('mod') === '1' || /(^|,)moderator\//.test(badges);
    out.push({ raw, id, login: match[2], text, mod, first: tags.get('first-msg') === '1' });
  }
  return out;
}

const WINDOW = 70;

/** Issue 15 item 4: search (Ctrl/Cmd+F) and highlight rules, on real #nymn lines through the fake Twitch IRC. */
describe.skipIf(!rendererBuilt())(
  'search and highlights in the mod console (fake Twitch IRC, real lines)',
  () => {
    let irc: FakeTwitchIrc;
    let stack: Stack;
    let page: Page;
    let errors: string[];
    const lines = corpusLines();
    const count = () => page.getByTestId('search-count').textContent();
    const shownIds = () =>
      page
        .locator('[data-testid="mod-line"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-message-id')));
    const expectIds = (wanted: CorpusLine[]) => wanted.slice(-WINDOW).map((line) => line.id);
    const total = lines.length.toLocaleString('en-US');

    async function search(query: string): Promise<void> {
      await page.keyboard.press('Control+f');
      await page.getByRole('textbox', { name: 'Search chat' }).fill(query);
    }

    beforeAll(async () => {
      irc = await startFakeTwitchIrc();
      stack = await startStackWith({
        version: 1,
        endpoints: { twitchIrc: irc.url },
        sources: [{ id: 'tw', type: 'twitch', channel: 'nymn', anonymous: true }],
      });
      page = await stack.browser.newPage({ viewport: { width: 1400, height: 860 } });
      page.setDefaultTimeout(10_000);
      errors = watchPage(page).errors;
      await page.goto(stack.server.modUrl);
      const joinBy = Date.now() + 10_000;
      while (!irc.received.some((l) => l.startsWith('JOIN #nymn')) && Date.now() < joinBy) {
        await new Promise((done) => setTimeout(done, 50));
      }
      await irc.replay(
        lines.map((line) => line.raw),
        500,
        'nymn',
      );
      await page.locator(`[data-message-id="${lines.at(-1)!.id}"]`).waitFor();
      // The pointer rests outside the chat, so the list stays live (pause on hover).
      await page.mouse.move(1390, 10);
    });

    afterAll(async () => {
      await stack?.close();
      await irc?.stop();
    });

    it('Ctrl+F from a tab filters by text as you type, shows the count, and Esc restores focus', async () => {
      await page.locator('[data-tab="automod"]').focus();
      const wanted = lines.filter((line) => /\basylum\b/i.test(line.text));
      expect(wanted.length).toBeGreaterThan(0);
      await search('asylum');
      await expect.poll(count).toBe(`${wanted.length} of ${total}`);
      expect(await shownIds()).toEqual(expectIds(wanted));
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(focusedTab)).toBe('automod');
      expect(await page.getByTestId('chat-search').count()).toBe(0);
      await expect.poll(async () => (await shownIds()).length).toBe(WINDOW);
    });

    it.each([
      ['from:Mr0lle', (line: CorpusLine) => line.login === 'mr0lle'],
      ['is:mod', (line: CorpusLine) => line.mod],
      ['is:first', (line: CorpusLine) => line.first],
      ['has:link', (line: CorpusLine) => /https?:\/\//.test(line.text)],
      ['is:mod -forsenParty', (line: CorpusLine) => line.mod && !/forsenparty/i.test(line.text)],
    ])('filters with %s', async (query, predicate) => {
      const wanted = lines.filter(predicate);
      expect(wanted.length).toBeGreaterThan(0);
      await search(query);
      await expect.poll(count).toBe(`${wanted.length.toLocaleString('en-US')} of ${total}`);
      expect(await shownIds()).toEqual(expectIds(wanted));
      await page.keyboard.press('Escape');
    });

    it('marks the first-time chatter with a visible, spoken label', async () => {
      const first = lines.find((line) => line.first)!;
      await search('is:first');
      const line = page.locator(`[data-testid="mod-line"][data-message-id="${first.id}"]`);
      await expect.poll(() => line.getByTestId('first-chatter').textContent()).toContain('First');
      expect(await line.getAttribute('aria-label')).toMatch(/^First message\. /);
      await page.keyboard.press('Escape');
    });

    it('keeps appending new lines that match while filtered', async () => {
      await search('from:mr0lle');
      const before = lines.filter((line) => line.login === 'mr0lle').length;
      await expect.poll(count).toBe(`${before} of ${total}`);
      irc.inject('nymn', [
        '@badges=moderator/1;color=#9146FF;display-name=Mr0lle;id=live-1;mod=1;room-id=62300805;tmi-sent-ts=1704558999000;user-id=41157245 :mr0lle!mr0lle@mr0lle.tmi.twitch.tv PRIVMSG #nymn :still here',
        '@badges=;color=;display-name=Other;id=live-2;mod=0;room-id=62300805;tmi-sent-ts=1704558999001;user-id=1 :other!other@other.tmi.twitch.tv PRIVMSG #nymn :not me',
      ]);
      await page.locator('[data-message-id="live-1"]').waitFor();
      await expect.poll(count).toBe(`${before + 1} of ${(lines.length + 2).toLocaleString('en-US')}`);
      expect(await page.locator('[data-message-id="live-2"]').count()).toBe(0);
      await page.keyboard.press('Escape');
    });

    it('a keyword rule added in Settings highlights matching lines and lists them in the Highlights panel', async () => {
      const wanted = lines.filter((line) => /\basylum\b/i.test(line.text));
      await page.locator('[data-tab="settings"]').click();
      await page.locator('[data-action="add-keyword-rule"]').click();
      const rule = page.locator('[data-testid="highlight-rule"][data-kind="keyword"]');
      await rule.getByLabel('Word or phrase').fill('Asylum');
      await page.locator('[data-action="save-settings"]').click();
      await expect
        .poll(() => stack.core.settings().highlights.rules.map((r) => r.pattern))
        .toContain('Asylum');

      const highlighted = page.locator('[data-testid="mod-line"][data-highlight="keyword"]');
      await expect
        .poll(() => highlighted.count())
        .toBe(wanted.filter((w) => expectIds(lines).includes(w.id)).length);
      await page.locator('[data-tab="highlights"]').click();
      const items = page.getByTestId('highlight-item');
      await expect.poll(() => items.count()).toBe(wanted.length);

      // The oldest match is far above the 70 lines shown: "Show in chat" brings the chat to it and selects it.
      const oldest = wanted[0];
      await items.last().locator('[data-action="reveal-line"]').click();
      await expect.poll(() => page.evaluate(focusedMessageId)).toBe(oldest.id);
      const line = page.locator(`[data-testid="mod-line"][data-message-id="${oldest.id}"]`);
      expect(await line.getAttribute('data-highlight')).toBe('keyword');
      expect(await line.getAttribute('aria-label')).toContain('Highlighted: keyword');
      // Emote images of the real lines cannot load here (no network); nothing else may fail.
      expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
    });
  },
);
