import type { ModHandlers, PushFor, ViewKind } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import type { ViewAttachment } from './hub/hub';
import type { Logger } from './log/logger';

export type { ViewAttachment, ViewKind };

/** What the Electron shell and the headless server get from the core. */
export interface OnAirCore {
  /** Mod-console requests; params must already be validated against `modRequests`. */
  readonly handlers: ModHandlers;
  /** Each kind gets its own snapshot and pushes: the overlay only what it renders (hub/overlay-projection.ts). */
  attachView<K extends ViewKind>(kind: K, send: (push: PushFor<K>) => void): ViewAttachment;
  settings(): Settings;
  /** Set by whoever serves the overlay over HTTP (the headless server); the console shows it for OBS. */
  setBrowserSourceUrl(url: string | null): void;
  readonly log: Logger;
  start(): Promise<void>;
  stop(): Promise<void>;
}
