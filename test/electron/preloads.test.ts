import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ModBridge, ViewBridge, ViewPush } from '../../src/shared/api';
import { IPC_PUSH, IPC_READY, requestChannel } from '../../src/shared/ipc';
import * as electron from './electron-stand-in';
import { BrowserWindow, contextBridge, ipcMain, ipcRenderer, resetElectron } from './electron-stand-in';

vi.mock('electron', () => import('./electron-stand-in'));

/** What the preload exposed last, under which name. */
function exposed(): { key: string; api: Record<string, unknown> } {
  const last = contextBridge.exposed.at(-1);
  if (!last) throw new Error('nothing exposed');
  return { key: last.key, api: last.api as Record<string, unknown> };
}

const push: ViewPush = { type: 'interactive', interactive: true };

describe('the preloads', () => {
  beforeEach(resetElectron);

  it('overlay: exposes only onPush and ready as window.onair — no way to make requests', async () => {
    await import('../../src/preload/overlay');
    const { key, api } = exposed();
    expect(key).toBe('onair');
    expect(Object.keys(api).sort()).toEqual(['onPush', 'ready']);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('mod: exposes onPush, ready and request, and no raw ipcRenderer', async () => {
    await import('../../src/preload/mod');
    const { key, api } = exposed();
    expect(key).toBe('onair');
    expect(Object.keys(api).sort()).toEqual(['onPush', 'ready', 'request']);
    expect(Object.values(api)).not.toContain(ipcRenderer);
  });

  it('onPush hands the page the push only (not the IPC event), and its unsubscribe removes exactly it', async () => {
    const { createViewBridge } = await import('../../src/preload/bridge');
    const bridge: ViewBridge = createViewBridge();
    const first: unknown[][] = [];
    const second: unknown[][] = [];
    const stopFirst = bridge.onPush((...args) => first.push(args));
    bridge.onPush((...args) => second.push(args));
    ipcRenderer.deliver(IPC_PUSH, push);
    stopFirst();
    stopFirst();
    ipcRenderer.deliver(IPC_PUSH, push);
    expect(first).toEqual([[push]]);
    expect(second).toEqual([[push], [push]]);
    expect(ipcRenderer.listenerCount(IPC_PUSH)).toBe(1);
  });

  it('mod requests reach main over the contract channel; unknown methods never leave the page', async () => {
    const { createModBridge } = await import('../../src/preload/bridge');
    const page = new BrowserWindow({ title: 'mod page' });
    ipcRenderer.contents = page.webContents;
    const seen: Array<{ sender: unknown; params: unknown }> = [];
    ipcMain.handle(requestChannel('getOverlayUrl'), (event, params) => {
      seen.push({ sender: event.sender, params });
      return { url: null };
    });
    const bridge = createModBridge() as ModBridge & {
      request(method: string, params: unknown): Promise<unknown>;
    };
    expect(await bridge.request('getOverlayUrl', undefined)).toEqual({ url: null });
    expect(seen).toEqual([{ sender: page.webContents, params: undefined }]);
    for (const method of ['__proto__', 'constructor', 'onair:push', 'eval'])
      await expect(bridge.request(method, {})).rejects.toThrow('Unknown request');

    bridge.ready();
    expect(ipcRenderer.sent).toEqual([{ channel: IPC_READY, args: [] }]);
  });
});

/**
 * The built preloads run in Electron's sandbox, whose `require` knows only `electron` and a few Node built-ins
 * (docs/electron-shell.md): a preload that requires a shared chunk file would expose nothing and blank its window.
 */
describe('the built preloads (out/preload) in a sandbox-like context', () => {
  beforeEach(resetElectron);
  const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

  function runBuiltPreload(name: 'overlay' | 'mod'): void {
    const file = join(import.meta.dirname, '../../out/preload', `${name}.cjs`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npx electron-vite build\` first`);
    const sandboxRequire = (id: string): unknown => {
      if (!SANDBOX_MODULES.has(id)) throw new Error(`module not found: ${id}`);
      if (id === 'electron') return electron;
      throw new Error(`the preloads need only electron, not ${id}`);
    };
    const module = { exports: {} };
    runInNewContext(readFileSync(file, 'utf8'), { require: sandboxRequire, module, exports: module.exports });
  }

  it('each is one self-contained file that exposes its API', () => {
    runBuiltPreload('overlay');
    expect(Object.keys(exposed().api).sort()).toEqual(['onPush', 'ready']);
    runBuiltPreload('mod');
    expect(Object.keys(exposed().api).sort()).toEqual(['onPush', 'ready', 'request']);
  });
});
