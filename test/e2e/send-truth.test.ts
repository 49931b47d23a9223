import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFakeChatKc, type FakeChatKc } from '../fakes/chatkc-server';
import { rendererBuilt, startStackWith, watchPage, type Stack } from './harness';

/** Item 6: the send box shows ChatKC's limit, refuses what the server would drop, says "sent" only on its echo. */
describe.skipIf(!rendererBuilt())('truthful sends (faithful ChatKC server)', () => {
  let server: FakeChatKc;
  let stack: Stack;
  let mod: Page;
  let errors: { errors: string[] };
  const input = () => mod.locator('[data-testid="send-input"]');
  const status = () => mod.locator('[data-testid="notes-send"]');

  beforeAll(async () => {
    server = await startFakeChatKc({
      tokens: { 'tok-user': { id: 3, name: 'kcuser', level: 0 } },
      bannedWords: ['badword'],
    });
    stack = await startStackWith({
      version: 1,
      sources: [{ id: 'kc', type: 'chatkc', url: server.url, channel: 'kc-test' }],
    });
    await stack.core.handlers.setSourceToken({ sourceId: 'kc', token: 'tok-user' });
    mod = await stack.browser.newPage({ viewport: { width: 1400, height: 900 } });
    errors = watchPage(mod);
    await mod.goto(stack.server.modUrl);
    await mod
      .locator('[data-testid="source-chip"][data-source-id="kc"].state-connected')
      .waitFor({ timeout: 10_000 });
    await mod.locator('[data-testid="send-input"]:not([disabled])').waitFor({ timeout: 10_000 });
  });

  afterAll(async () => {
    await stack?.close();
    await server?.stop();
  });

  it('shows the 500-character limit and refuses longer text before sending', async () => {
    await input().fill('x'.repeat(500));
    expect(await mod.textContent('[data-testid="send-count"]')).toBe('500 / 500');
    expect(await mod.isEnabled('[data-action="send"]')).toBe(true);
    await input().fill('x'.repeat(501));
    expect(await mod.textContent('[data-testid="send-count"]')).toMatch(/^501 \/ 500: too long for ChatKC/);
    expect(await mod.isDisabled('[data-action="send"]')).toBe(true);
    await input().press('Enter');
    await mod.waitForTimeout(300);
    expect(server.messages().some((m) => m.message.length > 500)).toBe(false);
    expect(await input().inputValue()).toHaveLength(501); // kept, never cut
  });

  it('says "Sent" only after the server published the message', async () => {
    await input().fill('a normal hello');
    await input().press('Enter');
    await expect.poll(() => status().textContent()).toBe('✓Sent: ChatKC confirmed it.');
    expect(server.messages().at(-1)?.message).toBe('a normal hello');
    expect(await input().inputValue()).toBe('');
  });

  it('shows a silent drop (word filter) as a refusal, and keeps the text', async () => {
    await input().fill('this has a badword in it');
    await input().press('Enter');
    const note = status().locator('[data-testid="action-note"]');
    await expect.poll(() => note.getAttribute('data-tone')).toBe('error');
    expect(await note.textContent()).toContain(
      'Not sent: ChatKC took the message but did not publish it (its word filter dropped it).',
    );
    expect(await input().inputValue()).toBe('this has a badword in it');
    expect(await mod.locator('[data-testid="mod-line"]').getByText('this has a badword in it').count()).toBe(
      0,
    );
    expect(errors.errors).toEqual([]);
  });
});
