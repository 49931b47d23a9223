// `npm start [-- --no-build] [headless options]`: build, then open the desktop app. Electron's binary is
// downloaded the first time (npm may skip install scripts); where that fails (offline), say so in one line and
// run headless mode instead.
import { spawnSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectron, headlessNotice } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const passThrough = args.filter((arg) => arg !== '--no-build');
if (!args.includes('--no-build')) {
  const build = spawnSync('electron-vite', ['build'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = findElectron(root);
if (!electron.path) {
  console.log(headlessNotice(electron.reason));
  if (process.env.ONAIR_DEBUG) console.log(electron.output);
}

const child = electron.path
  ? spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [`${root}out/main/headless.js`, ...passThrough], { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
