import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { ModPush, SettingsPatch } from '../../shared/api';
import type { ModLogEntry, OnAirEvent, SourceRef } from '../../shared/events';
import type { Settings, SourceConfig } from '../../shared/settings';
import { createAlertService } from './alerts/alert-service';
import { systemClock, type Clock } from './clock';
import type { OnAirCore } from './core-types';
import { EmoteService } from './emotes/emote-service';
import { createHandlers } from './handlers';
import { Hub } from './hub/hub';
import { consoleSink, createLogger, type Logger } from './log/logger';
import { SettingsStore } from './settings/settings-store';
import { settingsLoadNotice } from './settings/settings-notice';
import { removeStaleTempFiles } from './storage/atomic-write';
import { SourceManager, effectiveSources } from './source-manager';
import { createSourceFactory } from './providers/registry';
import { SourceTokens } from './providers/source-tokens';
import { ModLogStore } from './storage/mod-log-store';
import type { HistoryStore } from './storage/db/history-types';
import { openHistoryStore } from './storage/db/open-history';
import { recordEvent } from './storage/db/record-event';
import { createFileSecretStore, type SecretStore } from './providers/twitch/auth/secret-store';
import { TwitchAccount } from './providers/twitch/twitch-account';
import { createCardHandlers } from './user-card/card-handlers';
import { ModLogArchive } from './user-card/mod-log-archive';
import { ServiceModLog } from './user-card/service-mod-log';

export interface CreateCoreOptions {
  settingsPath: string;
  /** Folder for the moderation log, the chat history database and (headless) token files. */
  dataDir: string;
  log?: Logger;
  clock?: Clock;
  /** Where secrets live, by name (`twitch`, `chatkc`). Headless default: 0600 files in dataDir. */
  secretStore?: (name: string) => SecretStore;
  fetch?: typeof fetch;
  /** Told what was wrong with the settings file (headless prints it); the console gets it as a notice too. */
  onSettingsProblem?: (text: string) => void;
}

/** The names `secretStore` is asked for (`<name>-secrets.json` headless, `.bin` in the desktop app). */
const SECRET_STORE_NAMES = ['twitch', 'sources'] as const;
/** Twitch badge images (global + channel lists) in the data folder, so they stay after a logout. */
const BADGE_CACHE_FILE = 'twitch-badges.json';

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
  await removeLeftoverTempFiles(options, log);
  const store = new SettingsStore(options.settingsPath, log.child('settings'));
  const loaded = await store.load();
  const loadNotice = settingsLoadNotice(loaded, options.settingsPath);
  if (loadNotice) options.onSettingsProblem?.(loadNotice.text);
  const modLogStore = new ModLogStore(join(options.dataDir, 'moderation-log.jsonl'), log.child('modlog'));
  // Off until the start-up replay of the moderation log is done, so replayed entries are not stored twice;
  // problems found before the hub can show them wait in `historyProblems`.
  let recording = false;
  const historyProblems: string[] = [];
  const history = await openHistoryStore({
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
      alerts: alerts.queueState(),
      auth: twitch.state(),
      overlay: store.get().overlay,
      timeoutPresets: store.get().twitch.timeoutPresets,
      highlights: store.get().highlights,
    }),
    onAlert: (alert) => alerts.admit(alert),
    onAccepted: (event) => {
      if (recording) recordEvent(history, event);
    },
    gateSeconds: (sourceId) => sources.gateSeconds(sourceId),
  });
  // Third-party emotes join Twitch chat here, before the hub: a service beside the providers, not one of them.
  const emotes = new EmoteService({
    clock,
    settings: () => store.get(),
    log: log.child('emotes'),
    fetch: options.fetch,
    notify: (text, level) => hub.publish(coreNotice(text, level, clock.now())),
  });
  // Moderation the services report is logged once, after our own actions had the chance to claim it.
  const serviceModLog = new ServiceModLog(
    clock,
    (entry) => void recordModLog(entry),
    (sourceId, messageId) => hub.state.chat.find(sourceId, messageId),
  );
  const emit = (event: OnAirEvent): void => {
    if (event.kind === 'modlog') return serviceModLog.serviceEntry(event.entry);
    if (event.kind === 'removal') serviceModLog.removal(event);
    hub.publish(emotes.enrich(event));
  };
  // The console shows an entry as logged only once it is on disk: "logged" then survives a crash or a kill.
  let modLogFailing = false;
  const modLogArchive = new ModLogArchive();
  const recordModLog = async (entry: ModLogEntry): Promise<void> => {
    const stored = await modLogStore.append(entry);
    modLogArchive.add(entry);
    hub.publish({ kind: 'modlog', entry });
    if (!stored && !modLogFailing) {
      const text =
        'The moderation log cannot be written to disk; new entries are kept in memory only (see the log).';
      hub.publish(coreNotice(text, 'warning', clock.now()));
    }
    modLogFailing = !stored;
  };

  const alerts = createAlertService({
    clock,
    settings: () => store.get(),
    broadcast: (push) => hub.broadcast(push),
    testSource: () => sources.all()[0]?.ref,
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
    badgeCachePath: join(options.dataDir, BADGE_CACHE_FILE),
  });

  const tokens = new SourceTokens(secretStore('sources'), log.child('tokens'));
  const sources = new SourceManager({
    factory: createSourceFactory({ twitch, tokens, log }),
    emit,
    clock,
    log,
    onRemoved: (id, config) => {
      hub.state.forgetSource(id);
      // The demo's lines leave the history and both views when it stops (a real source took over).
      if (config.type === 'demo') hub.dropLines(id);
    },
  });

  // A user's file that failed to load must not be replaced by the demo; naming sources in a patch ends that.
  let demoBlocked = loaded.sourcesDropped;
  const sourcesToRun = (settings: Settings): SourceConfig[] =>
    demoBlocked && settings.sources.length === 0 ? [] : effectiveSources(settings);

  const afterSave = async (next: Settings, before: Settings): Promise<void> => {
    const endpointsChanged = JSON.stringify(before.endpoints) !== JSON.stringify(next.endpoints);
    if (before.twitch.clientId !== next.twitch.clientId || endpointsChanged) {
      await twitch.stop();
      await twitch.start();
    }
    if (endpointsChanged || JSON.stringify(before.emotes) !== JSON.stringify(next.emotes))
      emotes.settingsChanged();
    await sources.sync(sourcesToRun(next), next.endpoints, endpointsChanged);
    await twitch.channelsChanged();
    const { overlay, highlights } = next;
    hub.broadcast({ type: 'overlay', overlay, timeoutPresets: next.twitch.timeoutPresets, highlights });
  };
  const updateSettings = (patch: SettingsPatch) => {
    if (patch.sources !== undefined) demoBlocked = false;
    return store.update(patch, afterSave);
  };

  let browserSourceUrl: string | null = null;
  const handlers = createHandlers({
    sources,
    log,
    now: () => clock.now(),
    getSettings: () => store.get(),
    browserSourceUrl: () => browserSourceUrl,
    updateSettings,
    alertControl: (control) => alerts.control(control),
    setSourceToken: async (sourceId, token) => {
      await tokens.set(sourceId, token);
      await sources.restartWhere((c) => c.id === sourceId, store.get().endpoints);
      return {
        ok: true,
        local: true,
        detail: token ? 'Token saved; reconnecting.' : 'Token removed; reading only.',
      };
    },
    recordModeration: (entry) => {
      serviceModLog.own(entry);
      return recordModLog(entry);
    },
    findMessage: (sourceId, messageId) => hub.state.chat.find(sourceId, messageId),
    card: createCardHandlers({
      history,
      modlog: modLogArchive,
      clock,
      sourceRef: (sourceId) => sources.get(sourceId)?.ref ?? null,
      twitchFacts: (channel, userId) => twitch.chatterFacts(channel, userId),
    }),
    keepOffStream: (sourceId, messageId) => {
      const source = sources.get(sourceId);
      if (!source) return { ok: false, code: 'not-found', message: `No running source "${sourceId}".` };
      const target = { type: 'message', messageId } as const;
      hub.publish({
        kind: 'removal',
        source: source.ref,
        target,
        reason: 'offStream',
        confirmed: false,
        at: clock.now(),
      });
      return { ok: true, local: true, detail: 'kept off stream' };
    },
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
    attachView: (kind, send) => {
      const attachment = hub.attach(kind, send);
      if (kind !== 'mod') return attachment;
      // Held alerts (viewer text nobody approved yet) go to the mod console only, never to the overlays.
      const sendMod = send as (push: ModPush) => void;
      return {
        ready: () => {
          attachment.ready();
          sendMod({ type: 'alertApprovals', approvals: alerts.approvals() });
        },
        detach: attachment.detach,
      };
    },
    start: async () => {
      if (started) return;
      started = true;
      const logged = await modLogStore.loadRecent(10_000);
      modLogArchive.load(logged);
      for (const entry of logged.slice(-200)) hub.publish({ kind: 'modlog', entry });
      if (loadNotice) hub.publish(coreNotice(loadNotice.text, loadNotice.level, clock.now()));
      recording = true;
      for (const text of historyProblems.splice(0)) hub.publish(coreNotice(text, 'error', clock.now()));
      emotes.start();
      await twitch.start();
      twitch.onChange(() => {
        void sources.restartWhere((c) => c.type === 'twitch' && !c.anonymous, store.get().endpoints);
      });
      await sources.sync(sourcesToRun(store.get()), store.get().endpoints);
      await twitch.channelsChanged();
    },
    stop: async () => {
      emotes.stop();
      await sources.stopAll();
      await twitch.stop();
      alerts.stop();
      hub.stop();
      await history.close();
    },
  };
}

/** Temp files of atomic writes a kill interrupted: the settings file's and the token files'. */
async function removeLeftoverTempFiles(options: CreateCoreOptions, log: Logger): Promise<void> {
  const secretFiles = SECRET_STORE_NAMES.flatMap((name) =>
    ['json', 'bin'].map((ext) => join(options.dataDir, `${name}-secrets.${ext}`)),
  );
  const badgeCache = join(options.dataDir, BADGE_CACHE_FILE);
  const removed = await removeStaleTempFiles([options.settingsPath, badgeCache, ...secretFiles]);
  if (removed.length > 0) log.info(`removed ${removed.length} temp file(s) left by an interrupted save`);
}
