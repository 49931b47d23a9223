// `npm start`: build, then open the desktop app. Electron's binary is downloaded on first use (npm may skip
// install scripts); where it cannot be fetched (offline), explain and fall back to headless mode.
import { spawnSync, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const shell = process.platform === 'win32';
const build = spawnSync('electron-vite', ['build'], { cwd: root, stdio: 'inherit', shell });
if (build.status !== 0) process.exit(build.status ?? 1);

let electronPath = null;
try {
  // Resolving the package makes it fetch its binary when missing (electron >= 45 installs lazily).
  electronPath = createRequire(import.meta.url)('electron');
} catch (error) {
  console.error(`\nThe Electron binary is not available (${error.message.split('\n')[0]}).`);
  console.error('Starting headless mode instead: open the printed URLs in your browser or OBS.\n');
}

const child = electronPath
  ? spawn(electronPath, ['.'], { cwd: root, stdio: 'inherit' })
  : spawn(process.execPath, [`${root}out/main/headless.js`, ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
    });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
