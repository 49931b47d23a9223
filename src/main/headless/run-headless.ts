import { createCore } from '../core/create-core';
import type { OnAirCore } from '../core/core-types';
import type { Logger } from '../core/log/logger';
import { installProcessFaultHandlers, type ProcessFaults } from '../core/log/process-faults';
import { startHeadlessServer, type HeadlessServer } from './server';

export interface HeadlessOptions {
  settingsPath: string;
  dataDir: string;
  /** Overrides `server.port` from the settings. */
  port?: number;
  rendererDir: string;
  log: Logger;
  /** Told, in plain words, what was wrong with the settings file and what was kept (the CLI prints it). */
  onSettingsProblem?: (text: string) => void;
}

export interface RunningHeadless {
  core: OnAirCore;
  server: HeadlessServer;
  faults: ProcessFaults;
  stop(): Promise<void>;
}

/**
 * Headless mode's body (the CLI parses arguments and prints URLs around it): from here on, a fault anywhere
 * in the process is logged and counted, never fatal; then the core starts and the server listens.
 */
export async function runHeadless(options: HeadlessOptions): Promise<RunningHeadless> {
  const { log } = options;
  const faults = installProcessFaultHandlers(log.child('process'));
  const core = await createCore({
    settingsPath: options.settingsPath,
    dataDir: options.dataDir,
    log,
    onSettingsProblem: options.onSettingsProblem,
  });
  const port = options.port ?? core.settings().server.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0–65535, got ${port}`);
  await core.start();
  const server = await startHeadlessServer({
    core,
    port,
    rendererDir: options.rendererDir,
    log: log.child('server'),
    faults,
  });
  return {
    core,
    server,
    faults,
    stop: async () => {
      await server.close();
      await core.stop();
      faults.uninstall();
    },
  };
}
