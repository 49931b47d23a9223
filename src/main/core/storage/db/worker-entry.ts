import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface WorkerEntry {
  url: URL;
  /** Node options for the worker: from the TypeScript sources (tests, benches) it needs tsx. */
  execArgv?: string[];
}

const NAME = 'history-worker';

/**
 * Where the worker's code is. From the sources (tsx, vitest) it is the `.ts` file next to this one. In the
 * built bundle (out/main, Electron main and headless) it is its own entry, `out/main/history-worker.js`
 * (electron.vite.config.ts), while this module may sit in `out/main/chunks/`.
 */
export function historyWorkerEntry(here: string = import.meta.url): WorkerEntry {
  if (/\.[cm]?ts$/.test(new URL(here).pathname)) {
    const hasTsx = process.execArgv.some((arg) => arg.includes('tsx'));
    return { url: new URL(`./${NAME}.ts`, here), execArgv: hasTsx ? undefined : ['--import', 'tsx'] };
  }
  const candidates = [`./${NAME}.js`, `../${NAME}.js`].map((path) => new URL(path, here));
  const found = candidates.find((url) => existsSync(fileURLToPath(url)));
  if (!found) throw new Error(`${NAME}.js is missing next to ${fileURLToPath(here)}`);
  return { url: found };
}
