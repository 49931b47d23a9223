import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAVE_BOUNDS_AFTER_MS } from '../../src/main/windows/shell-windows';
import { resetElectron, session, shell } from './electron-stand-in';
import { removeDataDir, startTestApp, type TestApp } from './shell-harness';

vi.mock('electron', () => import('./electron-stand-in'));

describe('the shell windows', () => {
  let testApp: TestApp | undefined;
  beforeEach(resetElectron);
  afterEach(async () => {
    if (!testApp) return;
    await testApp.quit();
    await removeDataDir(testApp);
    testApp = undefined;
  });

  it('opens a transparent, frameless, always-on-top overlay that skips the taskbar and is click-through', async () => {
    testApp = await startTestApp();
    const { overlay } = testApp;
    expect(overlay.options).toMatchObject({
      transparent: true,
      frame: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      show: false,
      backgroundColor: '#00000000',
    });
    // Above other apps' menus and full-screen windows.
    expect(overlay.callsOf('setAlwaysOnTop')).toEqual([[true, 'screen-saver']]);
    expect(overlay.callsOf('setVisibleOnAllWorkspaces')).toEqual([[true, { visibleOnFullScreen: true }]]);
    // Click-through by default, mouse moves still forwarded (hover works in the page).
    expect(overlay.callsOf('setIgnoreMouseEvents')).toEqual([[true, { forward: true }]]);
    expect(overlay.callsOf('setFocusable')).toEqual([[false]]);
    // Shown without stealing focus from the game once painted.
    overlay.pageReady();
    expect(overlay.callsOf('showInactive')).toHaveLength(1);
    expect(overlay.callsOf('show')).toHaveLength(0);
    expect(overlay.loaded.file).toMatch(/renderer[\\/]overlay\.html$/);
  });

  it('runs both pages isolated, sandboxed, without Node, each with its own preload', async () => {
    testApp = await startTestApp();
    for (const [window, preload] of [
      [testApp.overlay, 'overlay'],
      [testApp.mod(), 'mod'],
    ] as const) {
      const prefs = window.options.webPreferences;
      expect(prefs).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      expect(prefs?.nodeIntegrationInSubFrames).not.toBe(true);
      expect(prefs?.preload).toMatch(new RegExp(`preload[\\\\/]${preload}\\.cjs$`));
    }
  });

  it('places the overlay on the primary display the first time and where the streamer left it afterwards', async () => {
    testApp = await startTestApp({ twitch: { clientId: 'client-id-1' } });
    expect(testApp.overlay.getBounds()).toEqual({ x: 1480, y: 65, width: 400, height: 700 });

    testApp.overlay.userMovesTo({ x: 100, y: 120, width: 400, height: 700 });
    testApp.overlay.userMovesTo({ x: 200, y: 220, width: 360, height: 500 });
    testApp.clock.advance(SAVE_BOUNDS_AFTER_MS - 1);
    const file = join(testApp.dataDir, 'settings.json');
    expect(JSON.parse(await readFile(file, 'utf8')).overlay?.bounds).toBeUndefined();
    testApp.clock.advance(1);
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(file, 'utf8')).overlay.bounds).toEqual({
        x: 200,
        y: 220,
        width: 360,
        height: 500,
      }),
    );

    // Only the overlay section changed.
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      twitch: { clientId: 'client-id-1' },
      server: { port: 0 },
    });

    const dataDir = testApp.dataDir;
    await testApp.quit();
    resetElectron();
    testApp = await startTestApp({}, dataDir);
    expect(testApp.overlay.options).toMatchObject({ x: 200, y: 220, width: 360, height: 500 });
  });

  it('saves a move made just before quitting', async () => {
    testApp = await startTestApp();
    testApp.overlay.userMovesTo({ x: 10, y: 20, width: 400, height: 700 });
    await testApp.quit();
    const saved = JSON.parse(await readFile(join(testApp.dataDir, 'settings.json'), 'utf8'));
    expect(saved.overlay.bounds).toEqual({ x: 10, y: 20, width: 400, height: 700 });
  });

  it('keeps the overlay open and hides the mod window when they are closed; quitting closes both', async () => {
    testApp = await startTestApp();
    const mod = testApp.mod();
    mod.pageReady();
    expect(mod.isVisible()).toBe(true);
    testApp.overlay.close();
    mod.close();
    expect(testApp.overlay.isDestroyed()).toBe(false);
    expect(mod.isDestroyed()).toBe(false);
    expect(mod.isVisible()).toBe(false);
    await testApp.quit();
    expect(testApp.overlay.isDestroyed()).toBe(true);
    expect(mod.isDestroyed()).toBe(true);
  });

  it('blocks navigation, webviews and new windows; http(s) links open in the system browser', async () => {
    testApp = await startTestApp();
    for (const contents of [testApp.overlay.webContents, testApp.mod().webContents]) {
      expect(contents.navigate('https://evil.example/')).toBe(false);
      expect(contents.navigate('file:///etc/passwd')).toBe(false);
      expect(contents.attempt('will-redirect', 'https://evil.example/')).toBe(false);
      expect(contents.attempt('will-attach-webview', {}, {})).toBe(false);
      expect(contents.requestWindowOpen('https://dev.twitch.tv/console')).toBe('deny');
      expect(contents.requestWindowOpen('javascript:alert(1)')).toBe('deny');
      expect(contents.requestWindowOpen('file:///etc/passwd')).toBe('deny');
    }
    expect(shell.openedExternally).toEqual([
      'https://dev.twitch.tv/console',
      'https://dev.twitch.tv/console',
    ]);
  });

  it('denies every permission request and check', async () => {
    testApp = await startTestApp();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal'])
      expect(await session.defaultSession.request(permission)).toBe(false);
    expect(session.defaultSession.check('media')).toBe(false);
  });
});
