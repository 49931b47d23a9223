import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLICK_THROUGH_SHORTCUT, QUIT_GRACE_MS, startApp } from '../../src/main/app';
import { createLogger, type LogRecord } from '../../src/main/core/log/logger';
import { FakeClock } from '../helpers/fake-clock';
import {
  BrowserWindow,
  Tray,
  app,
  globalShortcut,
  nativeImage,
  resetElectron,
  type Menu,
} from './electron-stand-in';
import { removeDataDir, startTestApp, type TestApp } from './shell-harness';

vi.mock('electron', () => import('./electron-stand-in'));

const TOGGLE = `Overlay click-through (${CLICK_THROUGH_SHORTCUT})`;

function trayMenu(): Menu {
  const menu = Tray.live().at(-1)?.menu;
  if (!menu) throw new Error('no tray menu');
  return menu;
}
const toggleItem = () => trayMenu().items.find((item) => item.label === TOGGLE);
const lastIgnoreMouse = (testApp: TestApp) => testApp.overlay.callsOf('setIgnoreMouseEvents').at(-1);

describe('tray and shortcut', () => {
  let testApp: TestApp | undefined;
  beforeEach(resetElectron);
  afterEach(async () => {
    if (testApp && !app.hasQuit) await testApp.quit();
    if (testApp) await removeDataDir(testApp);
    testApp = undefined;
  });

  it('puts an OnAir tray icon with show / click-through / quit', async () => {
    testApp = await startTestApp();
    expect(Tray.live()).toHaveLength(1);
    const [tray] = Tray.live();
    expect(tray?.tooltip).toBe('OnAir');
    expect(tray?.image.path).toMatch(/resources[\\/]icon\.png$/);
    expect(tray?.image.size).toEqual({ width: 16, height: 16 });
    expect(trayMenu().items.map((item) => item.label ?? item.type)).toEqual([
      'Show moderation window',
      TOGGLE,
      'separator',
      'Quit OnAir',
    ]);
    expect(toggleItem()).toMatchObject({ type: 'checkbox', checked: true });
  });

  it('keeps its tray alive: Electron removes a garbage-collected tray from the system tray', async () => {
    setFlagsFromString('--expose-gc');
    const collectGarbage = runInNewContext('gc') as () => void;
    testApp = await startTestApp();
    new Tray(nativeImage.createFromPath('unreferenced.png'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    // The unreferenced tray is gone (so this test can see a collected tray); the shell's is still there.
    expect(Tray.live()).toHaveLength(1);
    expect(Tray.live()[0]?.tooltip).toBe('OnAir');
  });

  it('Ctrl/Cmd+Shift+O toggles click-through, and the tray check mark follows', async () => {
    testApp = await startTestApp();
    globalShortcut.press(CLICK_THROUGH_SHORTCUT);
    expect(lastIgnoreMouse(testApp)).toEqual([false, { forward: true }]);
    expect(testApp.overlay.callsOf('setFocusable').at(-1)).toEqual([true]);
    expect(testApp.overlay.callsOf('focus')).toHaveLength(1);
    expect(toggleItem()?.checked).toBe(false);

    globalShortcut.press(CLICK_THROUGH_SHORTCUT);
    expect(lastIgnoreMouse(testApp)).toEqual([true, { forward: true }]);
    expect(toggleItem()?.checked).toBe(true);
  });

  it('the tray items do what they say', async () => {
    testApp = await startTestApp();
    const mod = testApp.mod();
    mod.close();
    expect(mod.isVisible()).toBe(false);
    trayMenu().click('Show moderation window');
    expect(mod.isVisible()).toBe(true);
    expect(mod.callsOf('focus')).toHaveLength(1);

    trayMenu().click(TOGGLE);
    expect(lastIgnoreMouse(testApp)).toEqual([false, { forward: true }]);
    expect(toggleItem()?.checked).toBe(false);

    // Clicking the icon itself also brings the console back, recreated if it was destroyed.
    mod.destroy();
    Tray.live()[0]?.emit('click');
    expect(testApp.mod()).not.toBe(mod);
    expect(testApp.mod().isVisible()).toBe(true);

    const tray = Tray.live()[0];
    trayMenu().click('Quit OnAir');
    await testApp.running.stopped;
    expect(app.hasQuit).toBe(true);
    expect(tray?.destroyed).toBe(true);
    expect(globalShortcut.registered.size).toBe(0);
    expect(BrowserWindow.getAllWindows()).toEqual([]);
  });

  it('still starts, and says so, when the shortcut is taken by another app', async () => {
    globalShortcut.taken.add(CLICK_THROUGH_SHORTCUT);
    testApp = await startTestApp();
    expect(testApp.logs.some((l) => l.level === 'warn' && l.message.includes('use the tray menu'))).toBe(
      true,
    );
    trayMenu().click(TOGGLE);
    expect(lastIgnoreMouse(testApp)).toEqual([false, { forward: true }]);
  });

  it('a second launch brings the console forward instead of starting again', async () => {
    testApp = await startTestApp();
    testApp.mod().close();
    app.emit('second-instance', {}, [], '');
    expect(testApp.mod().isVisible()).toBe(true);

    app.singleInstanceLock = false;
    const second = await startApp({ log: createLogger(() => {}), clock: new FakeClock() });
    expect(second).toBeNull();
  });

  it('quits even when stopping hangs, after the grace period', async () => {
    testApp = await startTestApp();
    testApp.running.core.stop = () => new Promise<void>(() => {});
    app.quit();
    await vi.waitFor(() => expect(testApp?.clock.pending()).toBeGreaterThan(0));
    expect(app.hasQuit).toBe(false);
    testApp.clock.advance(QUIT_GRACE_MS);
    await testApp.running.stopped;
    expect(app.hasQuit).toBe(true);
    expect(testApp.logs.some((l) => l.message.includes('quitting anyway'))).toBe(true);
  });
});

describe('a failed start', () => {
  beforeEach(resetElectron);

  it('is logged and exits with code 1 instead of leaving a process with no window and no tray', async () => {
    const logs: LogRecord[] = [];
    // No userData path: Electron's getPath throws.
    const running = await startApp({
      log: createLogger((record) => logs.push(record)),
      clock: new FakeClock(),
    });
    expect(running).toBeNull();
    expect(app.exitCodes).toEqual([1]);
    expect(logs.some((l) => l.level === 'error' && l.message.includes('OnAir failed to start'))).toBe(true);
  });
});
