import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import WebSocket from 'ws';
import type { ModPush } from '../../src/shared/api';
import { MOD_PROTOCOL, SECRET_PROTOCOL_PREFIX } from '../../src/shared/bridge-protocol';
import { DEFAULT_OVERLAY } from '../../src/shared/settings-defaults';
import { startFakeTwitchIrc, type FakeTwitchIrc } from '../fakes/twitch-irc-server';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

const CORPUS = resolve(
  import.meta.dirname,
  '../../../shared/corpora/twitch-irc/real/chatterino_recentmessages-nymn-2024.txt',
);
/** Lines the console draws at once (mod/use-chat-window.ts WINDOW_LINES). */
const WINDOW = 70;

interface CorpusLine {
  raw: string;
  id: string;
  login: string;
}

/** The distinct PRIVMSGs of a real #nymn capture (798 lines). */
function corpusLines(): CorpusLine[] {
  const seen = new Set<string>();
  const out: CorpusLine[] = [];
  for (const raw of readFileSync(CORPUS, 'utf8').split('\n')) {
    const match = /^@(\S+) :(\w+)!\S+ PRIVMSG #\w+ /.exec(raw);
    const id = match && /(?:^|;)id=([^;]+)/.exec(match[1])?.[1];
    if (!match || !id || seen.has(id)) continue;
    seen.add(id);
    out.push({ raw, id, login: match[2] });
  }
  return out;
}

/** A scripted mod view on `/ws/mod`: what the server sends, without a browser in between. */
async function scriptedModView(stack: Stack) {
  const port = stack.server.port;
  const socket = new WebSocket(
    `ws://127.0.0.1:${port}/ws/mod`,
    [MOD_PROTOCOL, SECRET_PROTOCOL_PREFIX + stack.server.secret],
    { origin: `http://127.0.0.1:${port}` },
  );
  const ids: string[] = [];
  let chatSeq = 0;
  let closed = false;
  socket.on('message', (data) => {
    const push = (JSON.parse(data.toString()) as { push?: ModPush }).push;
    if (push?.type === 'snapshot') ids.push(...push.snapshot.messages.map((m) => m.id));
    if (push?.type === 'events') for (const e of push.events) if (e.kind === 'chat') ids.push(e.id);
    if (push?.type === 'snapshot' || push?.type === 'events') chatSeq = push.chatSeq ?? -1;
  });
  socket.on('close', () => (closed = true));
  await new Promise((done) => socket.once('open', done));
  socket.send(JSON.stringify({ type: 'ready' }));
  return { ids, seq: () => chatSeq, closed: () => closed, close: () => socket.close() };
}

/** What the console's store holds: the search bar's "shown of total" (total = every line in the store). */
async function storeTotal(page: Page): Promise<string> {
  await page.keyboard.press('Control+f');
  await page.getByRole('textbox', { name: 'Search chat' }).fill('no line says this 7f3a');
  await expect.poll(() => page.getByTestId('search-count').textContent()).toMatch(/^0 of /);
  const text = (await page.getByTestId('search-count').textContent()) ?? '';
  await page.keyboard.press('Escape');
  return text.replace(/^0 of /, '');
}

const shownIds = (page: Page) =>
  page
    .locator('[data-testid="mod-line"]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-message-id')));

/**
 * The flood finding: at 4,000 msg/s the console showed 653 of the 798 real #nymn lines, with no notice. A
 * console opening (or reconnecting) during a flood starts from the hub's snapshot, which held only the last
 * 500 lines. Each rate runs on a fresh core, the consoles open as the replay starts and after it ends.
 */
describe.skipIf(!rendererBuilt()).each([4000, 10_000])('%i msg/s of real #nymn lines', (rate) => {
  const lines = corpusLines();
  const lastId = lines.at(-1)!.id;
  let irc: FakeTwitchIrc;
  let stack: Stack;
  let early: Page;
  let overlay: Page;
  let view: Awaited<ReturnType<typeof scriptedModView>>;
  let errors: string[];

  beforeAll(async () => {
    irc = await startFakeTwitchIrc();
    stack = await startStackWith({
      version: 1,
      endpoints: { twitchIrc: irc.url },
      sources: [{ id: 'tw', type: 'twitch', channel: 'nymn', anonymous: true }],
    });
    const joinBy = Date.now() + 10_000;
    while (!irc.received.some((l) => l.startsWith('JOIN #nymn')) && Date.now() < joinBy) {
      await new Promise((done) => setTimeout(done, 50));
    }
    view = await scriptedModView(stack);
    overlay = await stack.browser.newPage({ viewport: { width: 400, height: 700 } });
    await overlay.goto(`http://127.0.0.1:${stack.server.port}/overlay`);
    early = await stack.browser.newPage({ viewport: { width: 1400, height: 860 } });
    errors = watchPage(early).errors;
    // As in the finding: the console is loading while the flood starts.
    await Promise.all([
      early.goto(stack.server.modUrl),
      irc.replay(
        lines.map((l) => l.raw),
        rate,
        'nymn',
      ),
    ]);
    await early.locator(`[data-message-id="${lastId}"]`).waitFor({ timeout: 15_000 });
    await early.mouse.move(1390, 10); // outside the chat: it stays live
  }, 60_000);

  afterAll(async () => {
    view?.close();
    await stack?.close();
    await irc?.stop();
  });

  it('the core delivers every line on /ws/mod, numbered', async () => {
    await expect.poll(() => view.ids.length, { timeout: 10_000 }).toBe(lines.length);
    expect(view.ids).toEqual(lines.map((l) => l.id));
    expect(view.seq()).toBe(lines.length);
    expect(view.closed()).toBe(false);
  });

  it('a console open during the flood holds all 798 lines and draws the newest 70', async () => {
    expect(await storeTotal(early)).toBe('798');
    expect(await shownIds(early)).toEqual(lines.slice(-WINDOW).map((l) => l.id));
    expect(await early.getByTestId('chat-skipped').count()).toBe(0);
    expect(errors.filter((error) => !error.startsWith('Failed to load resource'))).toEqual([]);
  });

  it('a console opened after the flood starts from a snapshot with all 798 lines', async () => {
    const late = await stack.browser.newPage({ viewport: { width: 1400, height: 860 } });
    await late.goto(stack.server.modUrl);
    await late.locator(`[data-message-id="${lastId}"]`).waitFor();
    await late.mouse.move(1390, 10);
    expect(await storeTotal(late)).toBe('798');
    expect(await shownIds(late)).toEqual(lines.slice(-WINDOW).map((l) => l.id));
    expect(await late.getByTestId('chat-skipped').count()).toBe(0);
    await late.close();
  });

  it('the overlay shows the newest lines, contiguous, ending with the last one', async () => {
    const hidden = new Set(DEFAULT_OVERLAY.hiddenUsers);
    const visible = lines.filter((l) => !hidden.has(l.login)).map((l) => l.id);
    await overlay.locator(`[data-message-id="${visible.at(-1)}"]`).waitFor();
    const ids = await overlay
      .locator('[data-message-id]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-message-id')));
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThanOrEqual(DEFAULT_OVERLAY.maxLines);
    expect(ids).toEqual(visible.slice(-ids.length));
  });
});
