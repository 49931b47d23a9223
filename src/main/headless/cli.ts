import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleSink, createLogger, type LogLevel } from '../core/log/logger';
import { defaultDataDir } from './paths';
import { runHeadless } from './run-headless';

const USAGE = `Usage: npm run serve -- [--settings FILE] [--data DIR] [--port N] [--log-level debug|info|warn|error]

Runs the OnAir core without Electron and serves, on 127.0.0.1 only:
  /overlay  the overlay, for an OBS browser source
  /mod      the moderation console (its URL carries a secret; keep it private)`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      settings: { type: 'string' },
      data: { type: 'string' },
      port: { type: 'string' },
      'log-level': { type: 'string', default: 'info' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const dataDir = resolve(
    values.data ?? (values.settings ? dirname(resolve(values.settings)) : defaultDataDir()),
  );
  const settingsPath = resolve(values.settings ?? join(dataDir, 'settings.json'));
  const log = createLogger(consoleSink, (values['log-level'] as LogLevel) ?? 'info', 'onair');
  const { server, stop: stopHeadless } = await runHeadless({
    settingsPath,
    dataDir,
    port: values.port !== undefined ? Number(values.port) : undefined,
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    log,
    onSettingsProblem: (text) => process.stdout.write(`Settings problem: ${text}\n`),
  });
  process.stdout.write(
    `OnAir is running (settings: ${settingsPath})\n` +
      `  Overlay (OBS browser source): ${server.overlayUrl}\n` +
      `  Mod console (keep private):   ${server.modUrl}\n`,
  );

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    await stopHeadless();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`onair: ${startFailure(error)}\n`);
  process.exit(1);
});

/** Start-up failures in words; a taken port (often OnAir already running) says what to do instead. */
function startFailure(error: unknown): string {
  const failure = error as { code?: unknown; port?: unknown } | null;
  if (failure?.code === 'EADDRINUSE') {
    const port = typeof failure.port === 'number' ? failure.port : 'the port';
    const next = typeof failure.port === 'number' ? failure.port + 1 : 7481;
    return (
      `port ${port} on 127.0.0.1 is already taken — probably OnAir is already running (use the URLs it printed).\n` +
      `  To run another one, pick a free port: npm run serve -- --port ${next}`
    );
  }
  return error instanceof Error ? error.message : String(error);
}
