import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ActionResult, AlertControl } from '../../shared/api';
import type { ModLogEntry, OnAirEvent, SourceRef } from '../../shared/events';
import type { Settings, SourceConfig } from '../../shared/settings';
import { createAlertQueue } from './alerts/alert-queue';
import { systemClock, type Clock } from './clock';
import type { OnAirCore } from './core-types';
import { createHandlers } from './handlers';
import { Hub } from './hub/hub';
import { consoleSink, createLogger, type Logger } from './log/logger';
import { SettingsStore } from './settings/settings-store';
import { SourceManager, effectiveSources } from './source-manager';
import { createSourceFactory } from './providers/registry';
import { SourceTokens } from './providers/source-tokens';
import { ModLogStore } from './storage/mod-log-store';
import type { HistoryStore } from './storage/db/history-types';
import { openHistoryStore } from './storage/db/open-history';
import { recordEvent } from './storage/db/record-event';
import { createFileSecretStore, type SecretStore } from './providers/twitch/auth/secret-store';
import { TwitchAccount } from './providers/twitch/twitch-account';

export interface CreateCoreOptions {
  settingsPath: string;
  /** Folder for the moderation log, the chat history database and (headless) token files. */
  dataDir: string;
  log?: Logger;
  clock?: Clock;
  /** Where secrets live, by name (`twitch`, `chatkc`). Headless default: 0600 files in dataDir. */
  secretStore?: (name: string) => SecretStore;
  fetch?: typeof fetch;
}

const coreNotice = (text: string, level: 'info' | 'warning' | 'error', now: number): OnAirEvent => ({
  kind: 'notice',
  id: randomUUID(),
  source: { sourceId: 'onair', provider: 'demo', channel: 'onair' },
  level,
  text,
  at: now,
});

/** Assembles the Electron-free core: settings, sources, hub, alert queue, moderation log, Twitch account. */
export async function createCore(
  options: CreateCoreOptions,
): Promise<OnAirCore & { readonly history: HistoryStore }> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(consoleSink, 'info');
  const secretStore =
    options.secretStore ?? ((name) => createFileSecretStore(join(options.dataDir, `${name}-secrets.json`)));
  const store = new SettingsStore(options.settingsPath, log.child('settings'));
  const loaded = await store.load();
  const modLogStore = new ModLogStore(join(options.dataDir, 'moderation-log.jsonl'), log.child('modlog'));
  // Off until the start-up replay of the moderation log is done, so replayed entries are not stored twice;
  // problems found before the hub can show them wait in `historyProblems`.
  let recording = false;
  const historyProblems: string[] = [];
  const history = openHistoryStore({
    dataDir: options.dataDir,
    enabled: loaded.settings.storage.enabled,
    policy: () => store.get().storage,
    clock,
    log: log.child('history'),
    onProblem: (text) => {
      if (recording) hub.publish(coreNotice(text, 'error', clock.now()));
      else historyProblems.push(text);
    },
  });

  const hub: Hub = new Hub({
    clock,
    snapshotExtras: () => ({
      alerts: alerts.snapshot(),
      auth: twitch.state(),
      overlay: store.get().overlay,
      timeoutPresets: store.get().twitch.timeoutPresets,
    }),
    onAlert: (alert) => alerts.enqueue(alert),
    onAccepted: (event) => {
      if (recording) recordEvent(history, event);
    },
  });
  const emit = (event: OnAirEvent): void => {
    hub.publish(event);
    if (event.kind === 'modlog') void modLogStore.append(event.entry);
  };

  const alerts = createAlertQueue({
    clock,
    durationMs: () => store.get().alerts.durationSeconds * 1000,
    onChange: (state) => hub.broadcast({ type: 'alerts', alerts: state }),
    filter: (alert) => passesMinimums(alert, store.get()),
  });

  const twitchChannels = (): Array<{ login: string; ref: SourceRef }> =>
    sources
      .configs()
      .filter((c): c is Extract<SourceConfig, { type: 'twitch' }> => c.type === 'twitch')
      .map((c) => ({ login: c.channel, ref: { sourceId: c.id, provider: 'twitch', channel: c.channel } }));
  const twitch = new TwitchAccount({
    settings: () => store.get(),
    store: secretStore('twitch'),
    clock,
    log: log.child('twitch'),
    emit,
    channels: twitchChannels,
    fetch: options.fetch,
  });

  const tokens = new SourceTokens(secretStore('sources'), log.child('tokens'));
  const sources = new SourceManager({
    factory: createSourceFactory({ twitch, tokens, log }),
    emit,
    clock,
    log,
    onRemoved: (id) => hub.state.forgetSource(id),
  });

  const applySettings = async (next: Settings) => {
    const before = store.get();
    const saved = await store.replace(next);
    if (!saved.ok) return saved;
    const endpointsChanged = JSON.stringify(before.endpoints) !== JSON.stringify(saved.settings.endpoints);
    if (before.twitch.clientId !== saved.settings.twitch.clientId || endpointsChanged) {
      await twitch.stop();
      await twitch.start();
    }
    await sources.sync(effectiveSources(saved.settings), saved.settings.endpoints, endpointsChanged);
    await twitch.channelsChanged();
    hub.broadcast({
      type: 'overlay',
      overlay: saved.settings.overlay,
      timeoutPresets: saved.settings.twitch.timeoutPresets,
    });
    return saved;
  };

  let browserSourceUrl: string | null = null;
  const handlers = createHandlers({
    sources,
    log,
    now: () => clock.now(),
    getSettings: () => store.get(),
    browserSourceUrl: () => browserSourceUrl,
    applySettings,
    alertControl: (control) => controlAlerts(alerts, control, sources.all()[0]?.ref),
    setSourceToken: async (sourceId, token) => {
      await tokens.set(sourceId, token);
      await sources.restartWhere((c) => c.id === sourceId, store.get().endpoints);
      return {
        ok: true,
        local: true,
        detail: token ? 'Token saved; reconnecting.' : 'Token removed; reading only.',
      };
    },
    recordModeration: (entry: ModLogEntry) => emit({ kind: 'modlog', entry }),
    twitch: { login: () => twitch.login(), cancel: () => twitch.cancel(), logout: () => twitch.logout() },
  });

  let started = false;
  return {
    handlers,
    log,
    history,
    settings: () => store.get(),
    setBrowserSourceUrl: (url) => {
      browserSourceUrl = url;
    },
    attachView: (kind, send) => hub.attach(kind, send),
    start: async () => {
      if (started) return;
      started = true;
      for (const entry of await modLogStore.loadRecent(200)) hub.publish({ kind: 'modlog', entry });
      recording = true;
      for (const text of historyProblems.splice(0)) hub.publish(coreNotice(text, 'error', clock.now()));
      if (loaded.brokenFileKeptAs) {
        const text = `Your settings file could not be read (${loaded.problem}). It was kept as ${loaded.brokenFileKeptAs}; OnAir started with defaults.`;
        hub.publish(coreNotice(text, 'error', clock.now()));
      }
      await twitch.start();
      twitch.onChange(() => {
        void sources.restartWhere((c) => c.type === 'twitch' && !c.anonymous, store.get().endpoints);
      });
      await sources.sync(effectiveSources(store.get()), store.get().endpoints);
      await twitch.channelsChanged();
    },
    stop: async () => {
      await sources.stopAll();
      await twitch.stop();
      alerts.stop();
      hub.stop();
      history.close();
    },
  };
}

function passesMinimums(alert: Extract<OnAirEvent, { kind: 'alert' }>, settings: Settings): boolean {
  if (alert.alertType === 'cheer' && (alert.bits ?? 0) < settings.alerts.minBits) return false;
  // The threshold is a plain number in any currency; comparing through Number() is exact enough for it.
  if (alert.alertType === 'donation' && Number(alert.amount?.value ?? 0) < settings.alerts.minDonation)
    return false;
  return true;
}

type AlertQueue = ReturnType<typeof createAlertQueue>;

function controlAlerts(
  queue: AlertQueue,
  control: AlertControl,
  testSource: SourceRef | undefined,
): ActionResult {
  switch (control.command) {
    case 'pause':
      queue.pause();
      break;
    case 'resume':
      queue.resume();
      break;
    case 'skip':
      queue.skip();
      break;
    case 'replay':
      if (!queue.replay(control.alertId))
        return { ok: false, code: 'not-found', message: 'That alert is no longer in the recent list.' };
      break;
    case 'test':
      queue.test(control.alertType, testSource ?? { sourceId: 'onair', provider: 'demo', channel: 'test' });
      break;
  }
  return { ok: true, local: true };
}
