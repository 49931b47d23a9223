import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ViewPush } from '../../src/shared/api';
import { IPC_PUSH, IPC_READY, MOD_METHODS, requestChannel } from '../../src/shared/ipc';
import { BrowserWindow, ipcMain, resetElectron, type WebContents } from './electron-stand-in';
import { removeDataDir, startTestApp, type TestApp } from './shell-harness';

vi.mock('electron', () => import('./electron-stand-in'));

/** Payloads no request of the contract accepts. */
const BOGUS: unknown[] = [null, 'delete everything', 42, [], true];
/** Every section of a settings patch is optional, so `{}` is a valid (empty) patch; these are not. */
const BOGUS_SETTINGS: unknown[] = [
  { server: { port: -1 } },
  { overlay: { bounds: { x: 'left', y: 0, width: 400, height: 700 } } },
  { sources: 'all' },
];
const VALID: Record<(typeof MOD_METHODS)[number], unknown> = {
  act: { type: 'delete', sourceId: 'demo', messageId: 'm1' },
  send: { sourceId: 'demo', text: 'hello' },
  getSettings: undefined,
  updateSettings: { alerts: { durationSeconds: 9, minBits: 0, minDonation: 0 } },
  alertControl: { command: 'pause' },
  loginTwitch: undefined,
  cancelLogin: undefined,
  logoutTwitch: undefined,
  reconnect: { sourceId: 'demo' },
  setSourceToken: { sourceId: 'demo', token: null },
  setClickThrough: { enabled: false },
  getOverlayUrl: undefined,
  userCard: { sourceId: 'demo', userId: 'u1', login: 'someone' },
  userHistory: { sourceId: 'demo', userId: 'u1', login: 'someone' },
  setUserNote: { sourceId: 'demo', userId: 'u1', note: 'kind' },
  modLog: {},
  exportModLog: {},
  keepOffStream: { sourceId: 'demo', messageId: 'm1' },
};

/**
 * Why a request was refused: a rejected invoke or an `{ ok: false }` answer both count (the handler's internals
 * may change between the two); anything else fails the test.
 */
async function refusal(call: Promise<unknown>): Promise<string> {
  let result: unknown;
  try {
    result = await call;
  } catch (error) {
    return (error as Error).message;
  }
  expect(result).toMatchObject({ ok: false });
  return (result as { message: string }).message;
}

const pushesTo = (contents: WebContents): ViewPush[] =>
  contents.sent.filter((s) => s.channel === IPC_PUSH).map((s) => s.args[0] as ViewPush);

describe('the IPC handlers', () => {
  let testApp: TestApp;
  beforeEach(async () => {
    resetElectron();
    testApp = await startTestApp();
  });
  afterEach(async () => {
    await testApp.quit();
    await removeDataDir(testApp);
  });

  it('handles exactly the contract methods, and listens only for the ready handshake', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(MOD_METHODS.map(requestChannel).sort());
    expect(ipcMain.eventNames()).toEqual([IPC_READY]);
  });

  it('refuses every bogus payload from the mod window with a clear error', async () => {
    const mod = testApp.mod().webContents;
    for (const method of MOD_METHODS) {
      // Log filters are all optional: `{}` is the whole log, not a bogus payload.
      const emptyIsValid = method === 'modLog' || method === 'exportModLog';
      const payloads =
        method === 'updateSettings'
          ? [...BOGUS, ...BOGUS_SETTINGS]
          : emptyIsValid
            ? [...BOGUS, { from: 'yesterday' }]
            : [...BOGUS, {}];
      for (const payload of payloads)
        expect(
          await refusal(ipcMain.invokeFrom(mod, requestChannel(method), payload)),
          `${method} ${JSON.stringify(payload)}`,
        ).toMatch(/bad params|invalid/i);
    }
    expect(testApp.logs.some((l) => l.level === 'warn' && /invalid/i.test(l.message))).toBe(true);
  });

  it('refuses valid requests from the overlay, from an unknown page and from a closed mod window', async () => {
    const stranger = new BrowserWindow({ title: 'not ours' }).webContents;
    const closedMod = testApp.mod();
    closedMod.destroy();
    for (const sender of [testApp.overlay.webContents, stranger, closedMod.webContents])
      for (const method of MOD_METHODS)
        expect(
          await refusal(ipcMain.invokeFrom(sender, requestChannel(method), VALID[method])),
          method,
        ).toMatch(/not allowed|forbidden/i);
    // Nothing reached the core: click-through unchanged, settings untouched.
    expect(testApp.running.windows.isClickThrough()).toBe(true);
    expect(testApp.running.core.settings().alerts.durationSeconds).toBe(8);
  });

  it('serves valid requests from the mod window, including one reopened from the tray', async () => {
    const mod = testApp.mod().webContents;
    const settings = await ipcMain.invokeFrom(mod, requestChannel('getSettings'), undefined);
    expect(settings).toMatchObject({ server: { port: 0 } });
    expect(await ipcMain.invokeFrom(mod, requestChannel('getOverlayUrl'), undefined)).toEqual({
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/overlay$/),
    });
    expect(
      await ipcMain.invokeFrom(mod, requestChannel('updateSettings'), VALID.updateSettings),
    ).toMatchObject({ ok: true });
    // A patch changes only the sections it names.
    expect(testApp.running.core.settings()).toMatchObject({
      alerts: { durationSeconds: 9 },
      server: { port: 0 },
    });

    testApp.mod().destroy();
    testApp.running.windows.showModWindow();
    const reopened = testApp.mod().webContents;
    expect(reopened).not.toBe(mod);
    expect(await refusal(ipcMain.invokeFrom(mod, requestChannel('getSettings'), undefined))).toMatch(
      /not allowed|forbidden/i,
    );
    expect(await ipcMain.invokeFrom(reopened, requestChannel('getSettings'), undefined)).toMatchObject({
      version: 1,
    });
  });

  it('lets the mod window switch click-through, and tells the overlay', async () => {
    const result = await ipcMain.invokeFrom(testApp.mod().webContents, requestChannel('setClickThrough'), {
      enabled: false,
    });
    expect(result).toEqual({ ok: true, local: true });
    expect(testApp.overlay.callsOf('setIgnoreMouseEvents').at(-1)).toEqual([false, { forward: true }]);
    expect(pushesTo(testApp.overlay.webContents).at(-1)).toEqual({ type: 'interactive', interactive: true });
  });

  it('starts a view with a snapshot when its page says it is ready, and again after a reload', () => {
    const overlay = testApp.overlay.webContents;
    expect(pushesTo(overlay).some((p) => p.type === 'snapshot')).toBe(false);
    ipcMain.sendFrom(overlay, IPC_READY);
    expect(pushesTo(overlay).filter((p) => p.type === 'snapshot')).toHaveLength(1);
    ipcMain.sendFrom(overlay, IPC_READY);
    expect(pushesTo(overlay).filter((p) => p.type === 'snapshot')).toHaveLength(2);
    // A "ready" from a page that is not ours attaches nothing.
    const stranger = new BrowserWindow({ title: 'not ours' }).webContents;
    ipcMain.sendFrom(stranger, IPC_READY);
    expect(stranger.sent).toEqual([]);
  });
});
