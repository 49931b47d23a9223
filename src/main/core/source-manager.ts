import type { OnAirEvent } from '../../shared/events';
import type { Settings, SourceConfig } from '../../shared/settings';
import type { Clock } from './clock';
import type { Logger } from './log/logger';
import type { ChatSource, SourceContext, SourceFactory } from './providers/source';

export interface SourceManagerOptions {
  factory: SourceFactory;
  emit: (event: OnAirEvent) => void;
  clock: Clock;
  log: Logger;
  onRemoved?: (sourceId: string, config: SourceConfig) => void;
}

/** Fields read while the source runs (the hub reads the gate per line): changing them restarts nothing. */
const withoutLiveFields = ({ gateSeconds: _gate, ...rest }: SourceConfig): object => rest;
const sameConfig = (a: SourceConfig, b: SourceConfig): boolean =>
  JSON.stringify(withoutLiveFields(a)) === JSON.stringify(withoutLiveFields(b));

/** The demo source a new user sees when nothing is configured. */
export const firstRunDemo: SourceConfig = {
  id: 'demo',
  type: 'demo',
  enabled: true,
  rate: 2,
  seed: 0,
  alertEverySeconds: 20,
};

/**
 * Which configs should run: the enabled ones, except that a demo never runs beside a real (non-demo) source,
 * so fake chat never reaches a stream. The first-run demo runs only while no source is configured at all; a
 * configured demo comes back when every real source is disabled, unless it is disabled itself.
 */
export function effectiveSources(settings: Settings): SourceConfig[] {
  if (settings.sources.length === 0) return [firstRunDemo];
  const enabled = settings.sources.filter((source) => source.enabled);
  const real = enabled.filter((source) => source.type !== 'demo');
  return real.length > 0 ? real : enabled;
}

/** Starts, stops and restarts sources so the running set always matches the settings. */
export class SourceManager {
  private readonly running = new Map<string, { config: SourceConfig; source: ChatSource }>();

  constructor(private readonly options: SourceManagerOptions) {}

  get(sourceId: string): ChatSource | undefined {
    return this.running.get(sourceId)?.source;
  }

  all(): ChatSource[] {
    return [...this.running.values()].map((entry) => entry.source);
  }

  /** The moderation gate of a running source, in seconds (0: none). */
  gateSeconds(sourceId: string): number {
    return this.running.get(sourceId)?.config.gateSeconds ?? 0;
  }

  configs(): SourceConfig[] {
    return [...this.running.values()].map((entry) => entry.config);
  }

  /** Brings the running set in line with `configs`: unchanged sources keep their connections. */
  async sync(configs: SourceConfig[], endpoints: Settings['endpoints'], force = false): Promise<void> {
    const wanted = new Map(configs.map((config) => [config.id, config]));
    for (const [id, entry] of this.running) {
      const next = wanted.get(id);
      if (!next || force || !sameConfig(next, entry.config)) await this.stopOne(id, !next);
      else entry.config = next; // only live fields changed
    }
    for (const config of configs) {
      if (!this.running.has(config.id)) await this.startOne(config, endpoints);
    }
  }

  /** Restarts the sources matching `predicate` (e.g. Twitch sources after a login change). */
  async restartWhere(
    predicate: (config: SourceConfig) => boolean,
    endpoints: Settings['endpoints'],
  ): Promise<void> {
    const configs = this.configs().filter(predicate);
    for (const config of configs) {
      await this.stopOne(config.id, false);
      await this.startOne(config, endpoints);
    }
  }

  async stopAll(): Promise<void> {
    for (const id of [...this.running.keys()]) await this.stopOne(id, true);
  }

  private async startOne(config: SourceConfig, endpoints: Settings['endpoints']): Promise<void> {
    const log = this.options.log.child(config.type);
    try {
      const ctx: SourceContext = { emit: this.options.emit, log, clock: this.options.clock, endpoints };
      const source = await this.options.factory(config, ctx);
      this.running.set(config.id, { config, source });
      source.start();
    } catch (error) {
      log.error(`could not start source ${config.id}`, error);
    }
  }

  private async stopOne(id: string, removed: boolean): Promise<void> {
    const entry = this.running.get(id);
    if (!entry) return;
    this.running.delete(id);
    try {
      await entry.source.stop();
    } catch (error) {
      this.options.log.warn(`source ${id} did not stop cleanly`, error);
    }
    if (removed) this.options.onRemoved?.(id, entry.config);
  }
}
