import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/main/app';
import { createLogger, type LogRecord } from '../../src/main/core/log/logger';
import { FakeClock } from '../helpers/fake-clock';
import { app, windowTitled, type BrowserWindow } from './electron-stand-in';

export const OVERLAY_TITLE = 'OnAir overlay';
export const MOD_TITLE = 'OnAir — moderation';

export interface TestApp {
  running: RunningApp;
  clock: FakeClock;
  dataDir: string;
  logs: LogRecord[];
  overlay: BrowserWindow;
  /** The current mod window (a new one after the old was destroyed and the tray reopened it). */
  mod(): BrowserWindow;
  /** Quits through `app.quit()` as the tray would, and waits until everything stopped. */
  quit(): Promise<void>;
}

/** Writes settings into a fresh userData folder (browser source on a free port) and starts the real shell. */
export async function startTestApp(
  settings: Record<string, unknown> = {},
  dataDir?: string,
): Promise<TestApp> {
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'onair-shell-')));
  if (!dataDir)
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ server: { port: 0 }, ...settings }));
  app.paths.set('userData', dir);
  const logs: LogRecord[] = [];
  const clock = new FakeClock();
  const running = await startApp({ log: createLogger((record) => logs.push(record), 'debug'), clock });
  if (!running) throw new Error(`the shell did not start: ${logs.map((l) => l.message).join('\n')}`);
  return {
    running,
    clock,
    dataDir: dir,
    logs,
    overlay: windowTitled(OVERLAY_TITLE),
    mod: () => windowTitled(MOD_TITLE),
    quit: async () => {
      app.quit();
      await running.stopped;
    },
  };
}

export async function removeDataDir(testApp: TestApp): Promise<void> {
  await rm(testApp.dataDir, { recursive: true, force: true });
}
