import type { ActionResult, ModAction, SendRequest } from '../../../shared/api';
import type { OnAirEvent, SourceRef, SourceStatus } from '../../../shared/events';
import type { Settings, SourceConfig } from '../../../shared/settings';
import type { Clock } from '../clock';
import type { Logger } from '../log/logger';

/** What the core hands every source: where to send events, a logger, a clock and the endpoints. */
export interface SourceContext {
  emit(event: OnAirEvent): void;
  log: Logger;
  clock: Clock;
  endpoints: Settings['endpoints'];
}

/**
 * One chat service connection (a provider instance). The UI never asks for provider names: it asks
 * `status().capabilities` and sends `ModAction`s, which a source answers with a typed `ActionResult`.
 */
export interface ChatSource {
  readonly ref: SourceRef;
  start(): void;
  stop(): Promise<void>;
  status(): SourceStatus;
  act(action: ModAction): Promise<ActionResult>;
  send(request: SendRequest): Promise<ActionResult>;
  /** Drop the current connection and connect again now (the health view's "reconnect" button). */
  reconnect(): void;
}

/** Builds a source from its config: `providers/registry.ts` maps each config type to its provider. */
export type SourceFactory = (config: SourceConfig, ctx: SourceContext) => ChatSource | Promise<ChatSource>;

export const unsupported = (what: string): ActionResult => ({
  ok: false,
  code: 'unsupported',
  message: `${what} is not supported by this source.`,
});
