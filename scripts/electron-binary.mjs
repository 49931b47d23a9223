// Finds the Electron binary for `npm start` without letting the electron package talk to the user: it downloads
// its binary on first use and, offline, prints a stack (`TypeError: fetch failed`) and advice to delete and
// reinstall it, which is wrong advice when OnAir simply runs headless instead. So the lookup runs in a child
// process with its output captured, and a failure becomes one plain reason.
import { spawnSync } from 'node:child_process';

const MARKER = 'ONAIR_ELECTRON_PATH=';
const PROBE = `process.stdout.write('\\n${MARKER}' + require('electron'))`;
/** The first download is about 100 MB; give it time before calling it failed. */
const DOWNLOAD_TIMEOUT_MS = 10 * 60_000;

/** Why there is no Electron binary, in words for the one-line notice. */
export function whyNoElectron(output, env = process.env) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return 'its download is switched off (ELECTRON_SKIP_BINARY_DOWNLOAD)';
  if (
    /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|ENETUNREACH|socket hang up/i.test(
      output,
    )
  )
    return 'it could not be downloaded (no internet connection?)';
  return 'it could not be installed on this machine';
}

/** `{ path }` of the Electron binary (downloading it the first time), or `{ reason, output }` when there is none. */
export function findElectron(root, env = process.env) {
  const probe = spawnSync(process.execPath, ['-e', PROBE], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const output = `${probe.stdout ?? ''}${probe.stderr ?? ''}${probe.error ? String(probe.error) : ''}`;
  const marked = (probe.stdout ?? '').split('\n').find((line) => line.startsWith(MARKER));
  if (probe.status === 0 && marked) return { path: marked.slice(MARKER.length) };
  if (probe.error?.code === 'ETIMEDOUT')
    return { reason: 'its download took longer than 10 minutes', output };
  return { reason: whyNoElectron(output, env), output };
}

/** The one line `npm start` prints before falling back to headless mode. */
export const headlessNotice = (reason) =>
  `OnAir runs in headless mode: the desktop window needs Electron, and ${reason}. ` +
  'Same overlay and console, in your browser or OBS (URLs below).';
