import type { EmoteProvider, OnAirEvent } from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import type { Clock, TimerHandle } from '../clock';
import type { Logger } from '../log/logger';
import { bttvApi } from './bttv';
import { ExpiringSets } from './emote-sets';
import { fetchSet } from './fetch-set';
import { ffzApi } from './ffz';
import { ownRoomOf, sharedRoomOf, withEmotes } from './event-parts';
import { seventvApi } from './seventv';
import type { SetChange } from './seventv-events-decode';
import { SevenTvLive } from './seventv-live';
import type { EmoteApi, ThirdPartyEmote } from './types';

export interface EmoteServiceDeps {
  clock: Clock;
  settings: () => Settings;
  log: Logger;
  fetch?: typeof fetch;
  /** A console notice (a provider failed, or works again). */
  notify: (text: string, level: 'info' | 'warning') => void;
}

/** Lowest precedence first: later sets win a shared name (channel over global; 7TV > BTTV > FFZ). */
const APIS: readonly EmoteApi[] = [ffzApi, bttvApi, seventvApi];
const TWITCH_ID = /^\d{1,20}$/;
/** Joined channels plus shared-chat partners: a bound on the sets held, whatever the tags say. */
const MAX_ROOMS = 200;

/**
 * Third-party emotes for Twitch chat: global sets and each channel's sets, once a room id (ROOMSTATE or a
 * message's `room-id`) is known. Sets are cached, refetched on a timer, and a failing provider leaves the
 * words as text plus one notice. See docs/emotes.md.
 */
export class EmoteService {
  private readonly sets: ExpiringSets;
  private readonly rooms = new Set<string>();
  /** The room a source joined (ROOMSTATE / `room-id`), for its events that name none (alerts, AutoMod). */
  private readonly roomOfSource = new Map<string, string>();
  private readonly merged = new Map<string, ReadonlyMap<string, ThirdPartyEmote>>();
  private readonly loading = new Map<string, Promise<void>>();
  private readonly failing = new Set<EmoteProvider>();
  /** The API base each provider's sets were last fetched from. */
  private readonly fetchedFrom: Partial<Record<EmoteProvider, string>> = {};
  /** 7TV set id → the cache key of the channel set it is (live updates patch it). */
  private readonly liveSets = new Map<string, string>();
  private readonly live: SevenTvLive;
  private liveUrl = '';
  private timer: TimerHandle | null = null;
  private stopped = false;
  /** Entries dropped as malformed, and failed fetches (for tests and the log). */
  readonly counters = { dropped: 0, failures: 0, fetches: 0 };

  constructor(private readonly deps: EmoteServiceDeps) {
    this.sets = new ExpiringSets(() => this.refreshMs());
    this.live = new SevenTvLive({
      clock: deps.clock,
      log: deps.log,
      url: () => deps.settings().endpoints.seventvEvents,
      onChanges: (setId, changes) => this.applyLive(setId, changes),
      onGap: () => this.refetchLiveSets(),
    });
  }

  /** The 7TV EventAPI connection (tests read its counters). */
  get liveUpdates(): SevenTvLive {
    return this.live;
  }

  start(): void {
    this.stopped = false;
    this.loadMissing();
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    void this.live.stop();
    this.liveSets.clear();
    this.deps.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Toggles or endpoints changed: rebuild the lookups at once (a provider turned off is gone from the next
   * message), fetch what is newly enabled, and drop only the sets of a provider whose API base changed —
   * the other providers' emotes stay while that happens.
   */
  settingsChanged(): void {
    const bases = this.bases();
    for (const api of APIS) {
      if (bases[api.provider] === this.fetchedFrom[api.provider]) continue;
      for (const key of this.sets.keys()) if (key.startsWith(`${api.provider}:`)) this.sets.delete(key);
    }
    this.restartLive();
    this.merged.clear();
    this.loadMissing();
  }

  /** Every set fetched, loading or not (tests wait on this). */
  async settled(): Promise<void> {
    while (this.loading.size > 0) await Promise.all(this.loading.values());
  }

  /**
   * Every Twitch event carrying a viewer's words (chat, alerts, AutoMod holds) with its emote words as emote
   * parts, using the sets of the room it belongs to: its own `room-id`, else the room its source joined
   * (learnt from ROOMSTATE and chat), and for a shared-chat line the room it came from (loaded on demand).
   */
  enrich(event: OnAirEvent): OnAirEvent {
    if (event.kind === 'modlog' || event.kind === 'auth' || event.source.provider !== 'twitch') return event;
    const own = ownRoomOf(event);
    if (own) {
      this.noteRoom(own);
      if (TWITCH_ID.test(own)) this.roomOfSource.set(event.source.sourceId, own);
    }
    if (event.kind === 'modes') return event;
    const shared = sharedRoomOf(event);
    if (shared) this.noteRoom(shared);
    const roomId = shared ?? own ?? this.roomOfSource.get(event.source.sourceId) ?? '';
    return withEmotes(event, this.lookup(this.rooms.has(roomId) ? roomId : ''));
  }

  noteRoom(roomId: string): void {
    if (this.stopped || this.rooms.has(roomId) || !TWITCH_ID.test(roomId)) return;
    if (this.rooms.size >= MAX_ROOMS) return;
    this.rooms.add(roomId);
    this.loadMissing();
  }

  private enabled(): EmoteApi[] {
    const toggles = this.deps.settings().emotes;
    const on: Record<EmoteProvider, boolean> = {
      bttv: toggles.bttv,
      ffz: toggles.ffz,
      '7tv': toggles.seventv,
    };
    return APIS.filter((api) => on[api.provider]);
  }

  private bases(): Record<EmoteProvider, string> {
    const endpoints = this.deps.settings().endpoints;
    return { bttv: endpoints.bttvApi, ffz: endpoints.ffzApi, '7tv': endpoints.seventvApi };
  }

  private refreshMs(): number {
    return this.deps.settings().emotes.refreshMinutes * 60_000;
  }

  /** The merged name → emote map of a room (global only for ''), built once per change. */
  private lookup(roomId: string): ReadonlyMap<string, ThirdPartyEmote> {
    const cached = this.merged.get(roomId);
    if (cached) return cached;
    const merged = new Map<string, ThirdPartyEmote>();
    const apis = this.enabled();
    const keys = [
      ...apis.map((api) => globalKey(api)),
      ...(roomId ? apis.map((api) => channelKey(api, roomId)) : []),
    ];
    for (const key of keys)
      for (const [code, emote] of this.sets.get(key)?.emotes ?? []) merged.set(code, emote);
    this.merged.set(roomId, merged);
    return merged;
  }

  /** Fetches every enabled set (global ones too, once a room is known) that is missing or expired (every one when `all`) and not already loading. */
  private loadMissing(all = false): void {
    // Nothing is fetched before a Twitch room is known: no requests to emote services for demo or ChatKC only.
    if (this.stopped || this.rooms.size === 0) return;
    const now = all ? Infinity : this.deps.clock.now();
    for (const api of this.enabled()) {
      this.load(api, globalKey(api), 'global', now);
      for (const roomId of this.rooms) this.load(api, channelKey(api, roomId), 'channel', now, roomId);
    }
  }

  private load(api: EmoteApi, key: string, scope: 'global' | 'channel', now: number, roomId = ''): void {
    if (this.loading.has(key) || this.sets.fresh(key, now)) return;
    const base = this.bases()[api.provider];
    this.fetchedFrom[api.provider] = base;
    const url = scope === 'global' ? api.globalUrl(base) : api.channelUrl(base, roomId);
    this.counters.fetches += 1;
    const task = fetchSet(this.deps.fetch ?? fetch, api, url, scope).then((outcome) => {
      this.loading.delete(key);
      if (this.stopped) return;
      if (!outcome.ok) return this.failed(api, scope, outcome.error);
      this.counters.dropped += outcome.set.dropped;
      if (outcome.set.dropped > 0)
        this.deps.log.warn(`${api.label}: dropped ${outcome.set.dropped} malformed emote(s)`);
      this.sets.set(key, outcome.set.emotes, this.deps.clock.now());
      if (outcome.set.setId && api.provider === '7tv' && scope === 'channel')
        this.watchLive(outcome.set.setId, key);
      this.merged.clear();
      this.recovered(api);
    });
    this.loading.set(key, task);
  }

  private watchLive(setId: string, key: string): void {
    // A channel that switched its active set: the old id no longer maps to it.
    for (const [id, mapped] of this.liveSets) if (mapped === key && id !== setId) this.liveSets.delete(id);
    this.liveSets.set(setId, key);
    this.liveUrl = this.deps.settings().endpoints.seventvEvents;
    this.live.watch(setId);
  }

  private applyLive(setId: string, changes: readonly SetChange[]): void {
    const key = this.liveSets.get(setId);
    if (!key || this.stopped || !this.sets.apply(key, changes)) return;
    this.merged.clear();
  }

  /** After a gap in the live connection: fetch the watched sets again (their emotes stay meanwhile). */
  private refetchLiveSets(): void {
    for (const key of this.liveSets.values()) this.sets.expire(key);
    this.loadMissing();
  }

  /** 7TV turned off: no connection. EventAPI address changed: the same sets on a new connection. */
  private restartLive(): void {
    const settings = this.deps.settings();
    if (settings.emotes.seventv && settings.endpoints.seventvEvents === this.liveUrl) return;
    const watched = [...this.liveSets];
    void this.live.stop();
    this.liveSets.clear();
    if (!settings.emotes.seventv) {
      // Dropped, so turning 7TV on again fetches (and watches) them afresh.
      for (const key of this.sets.keys()) if (key.startsWith('7tv:')) this.sets.delete(key);
      return;
    }
    for (const [setId, key] of watched) this.watchLive(setId, key);
  }

  private failed(api: EmoteApi, scope: string, error: string): void {
    this.counters.failures += 1;
    this.deps.log.warn(`${api.label} ${scope} emotes failed: ${error}`);
    if (this.failing.has(api.provider)) return;
    this.failing.add(api.provider);
    const minutes = this.deps.settings().emotes.refreshMinutes;
    this.deps.notify(
      `${api.label} emotes could not be loaded (${error}); their names show as text. Retrying in ${minutes} min.`,
      'warning',
    );
  }

  private recovered(api: EmoteApi): void {
    if (!this.failing.delete(api.provider)) return;
    this.deps.notify(`${api.label} emotes are loaded again.`, 'info');
  }

  private arm(): void {
    this.timer = this.deps.clock.setTimeout(() => {
      this.loadMissing(true);
      this.arm();
    }, this.refreshMs());
  }
}

const globalKey = (api: EmoteApi): string => `${api.provider}:global`;
const channelKey = (api: EmoteApi, roomId: string): string => `${api.provider}:${roomId}`;
