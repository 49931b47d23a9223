import type { Clock } from '../clock';
import type { Logger } from '../log/logger';
import type { BackoffOptions } from '../net/backoff';
import { ConnectionManager, type ConnectKind } from '../net/connection-manager';
import { SevenTvEventsConnection } from './seventv-events-connection';
import type { SetChange } from './seventv-events-decode';

export interface SevenTvLiveDeps {
  clock: Clock;
  log: Logger;
  /** The EventAPI URL (`settings.endpoints.seventvEvents`), read at each connect. */
  url: () => string;
  /** Changes to one watched set, in order. */
  onChanges: (setId: string, changes: readonly SetChange[]) => void;
  /** A new connection after a lost one: changes made during the gap were never sent (refetch the sets). */
  onGap: () => void;
  backoff?: BackoffOptions;
  random?: () => number;
}

/**
 * 7TV emote-set live updates: one EventAPI connection for every channel, opened when the first set is
 * watched, subscribed to each watched set (again after every reconnect), reconnecting with the project's
 * backoff. Malformed frames and unusable changes are dropped and counted.
 */
export class SevenTvLive {
  readonly counters = { frames: 0, malformed: 0, droppedChanges: 0, updates: 0 };
  private readonly watched = new Set<string>();
  private readonly manager: ConnectionManager<SevenTvEventsConnection>;

  constructor(private readonly deps: SevenTvLiveDeps) {
    this.manager = new ConnectionManager<SevenTvEventsConnection>({
      name: '7tv:events',
      connect: () =>
        SevenTvEventsConnection.open(deps.url(), {
          clock: deps.clock,
          log: deps.log,
          onSetUpdate: (frame) => this.onSetUpdate(frame.setId, frame.changes, frame.dropped),
          onMalformed: () => {
            this.counters.malformed += 1;
          },
          onFrame: () => {
            this.counters.frames += 1;
          },
        }),
      onConnected: (connection, kind) => this.onConnected(connection, kind),
      clock: deps.clock,
      log: deps.log,
      backoff: deps.backoff,
      random: deps.random,
    });
  }

  /** Follow a set's changes (connects on the first one). */
  watch(setId: string): void {
    this.watched.add(setId);
    if (!this.manager.running) this.manager.start();
    else this.manager.current?.subscribe(setId);
  }

  /** Forget every set and close the connection. */
  async stop(): Promise<void> {
    this.watched.clear();
    await this.manager.stop();
  }

  get connectionCounters() {
    return this.manager.counters;
  }

  private onConnected(connection: SevenTvEventsConnection, kind: ConnectKind): void {
    for (const setId of this.watched) connection.subscribe(setId);
    if (kind !== 'initial') this.deps.onGap();
  }

  private onSetUpdate(setId: string, changes: readonly SetChange[], dropped: number): void {
    this.counters.droppedChanges += dropped;
    if (dropped > 0) this.deps.log.warn(`7TV EventAPI: dropped ${dropped} unusable change(s)`);
    if (!this.watched.has(setId) || changes.length === 0) return;
    this.counters.updates += 1;
    this.deps.onChanges(setId, changes);
  }
}
