import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Tray, app, resetElectron, windowTitled } from './electron-stand-in';
import { MOD_TITLE, OVERLAY_TITLE } from './shell-harness';

vi.mock('electron', () => import('./electron-stand-in'));

/**
 * The bundle Electron would start (out/main/index.js): its file paths are computed from where the bundled code
 * lives, so they are checked against the built files rather than the sources.
 */
describe('the built main bundle', () => {
  const bundle = join(import.meta.dirname, '../../out/main/index.js');
  let dataDir: string;
  beforeAll(async () => {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npx electron-vite build\` first`);
    resetElectron();
    dataDir = await mkdtemp(join(tmpdir(), 'onair-built-'));
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ server: { port: 0 } }));
    app.paths.set('userData', dataDir);
    await import(/* @vite-ignore */ bundle);
    await vi.waitFor(() => expect(Tray.live()).toHaveLength(1), { timeout: 10_000 });
  });
  afterAll(async () => {
    app.quit();
    await vi.waitFor(() => expect(app.hasQuit).toBe(true), { timeout: 10_000 });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts from its entry and points at the built preloads, pages and icon', () => {
    for (const [title, page] of [
      [OVERLAY_TITLE, 'overlay'],
      [MOD_TITLE, 'mod'],
    ] as const) {
      const window = windowTitled(title);
      const preload = window.options.webPreferences?.preload ?? '';
      expect(preload.endsWith(join('out', 'preload', `${page}.cjs`))).toBe(true);
      expect(existsSync(preload)).toBe(true);
      expect(window.loaded.file?.endsWith(join('out', 'renderer', `${page}.html`))).toBe(true);
      expect(existsSync(window.loaded.file ?? '')).toBe(true);
    }
    const icon = Tray.live()[0]?.image.path ?? '';
    expect(existsSync(icon)).toBe(true);
    expect(app.exitCodes).toEqual([]);
  });
});
