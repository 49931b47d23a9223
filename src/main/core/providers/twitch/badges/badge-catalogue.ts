import type { Badge, NoticeLevel } from '../../../../../shared/events';
import type { Clock, TimerHandle } from '../../../clock';
import type { Logger } from '../../../log/logger';
import type { HelixClient } from '../helix/helix-client';
import { HelixError } from '../helix/helix-error';
import {
  loadBadgeCache,
  saveBadgeCache,
  type BadgeCacheContents,
  type BadgeListEntry,
} from './badge-cache-file';
import { parseBadgeSets, type BadgeImage } from './badge-sets';

/** What a Twitch chat source needs from the catalogue. */
export interface TwitchBadgeImages {
  /** The channel's room id (ROOMSTATE): its own badges are fetched when logged in and missing or old. */
  watchChannel(roomId: string): void;
  /** Adds the catalogue's image URLs and titles to `badges`, in place (unknown badges stay pills). */
  decorate(badges: Badge[], roomId: string | undefined): void;
}

export interface BadgeCatalogueOptions {
  /** The JSON cache file in the data folder; null keeps the catalogue in memory only. */
  path: string | null;
  clock: Clock;
  log: Logger;
  /** The Helix client while someone is logged in, else null (Helix badge endpoints need a token). */
  helix: () => HelixClient | null;
  /** A message for the mod console (a failed fetch: badges stay pills). */
  notify: (level: NoticeLevel, text: string) => void;
  /** Lists older than this are fetched again (default 24 h). */
  maxAgeMs?: number;
  /** After a failed fetch, the next try waits this long (default 10 min). */
  retryMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const GLOBAL = 'global';
/** Months are shown after the catalogue's title for these sets (badge-info holds the exact count). */
const MONTH_SETS = new Set(['subscriber', 'founder']);

/**
 * Twitch's global and channel badge images (Helix `chat/badges/global`, `chat/badges?broadcaster_id=`), kept in
 * Maps, cached on disk and loaded at start, so a logout keeps the images. Channel badges win over global ones
 * (custom subscriber and bits badges), as on Twitch (docs/protocol-twitch.md §3.4).
 */
export class TwitchBadgeCatalogue implements TwitchBadgeImages {
  readonly counters = { fetches: 0, failures: 0, dropped: 0 };
  private readonly contents: BadgeCacheContents = { global: null, channels: new Map() };
  private readonly watched = new Set<string>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly failedAt = new Map<string, number>();
  private timer: TimerHandle | null = null;
  private failing = false;
  private loaded = false;
  private saving: Promise<void> = Promise.resolve();
  private readonly maxAgeMs: number;
  private readonly retryMs: number;

  constructor(private readonly options: BadgeCatalogueOptions) {
    this.maxAgeMs = options.maxAgeMs ?? DAY_MS;
    this.retryMs = options.retryMs ?? 10 * 60 * 1000;
  }

  /** Reads the disk cache once; a damaged file is reported and then replaced by the next fetch. */
  async load(): Promise<void> {
    if (this.loaded || !this.options.path) return;
    this.loaded = true;
    const cache = await loadBadgeCache(this.options.path);
    this.counters.dropped += cache.dropped;
    if (cache.problem) this.options.log.warn(`badge cache ignored: ${cache.problem}`);
    if (cache.dropped > 0) this.options.log.warn(`badge cache: ${cache.dropped} bad entries dropped`);
    this.contents.global ??= cache.global;
    for (const [id, entry] of cache.channels)
      if (!this.contents.channels.has(id)) this.contents.channels.set(id, entry);
  }

  /** Fetches every list that is missing or old (when logged in), then plans the next check. */
  async refresh(): Promise<void> {
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
    if (!this.options.helix()) return;
    const keys = [GLOBAL, ...this.watched].filter((key) => this.due(key, true));
    await Promise.all(keys.map((key) => this.fetchList(key)));
    if (!this.options.helix()) return;
    const next = this.failing ? this.retryMs : this.maxAgeMs;
    this.timer = this.options.clock.setTimeout(() => void this.refresh(), next);
  }

  watchChannel(roomId: string): void {
    if (!/^\d{1,20}$/.test(roomId)) return;
    this.watched.add(roomId);
    if (this.options.helix() && this.due(roomId, false)) void this.fetchList(roomId);
  }

  /** Stops the refresh timer (logout, shutdown); the lists stay for the pills' images. */
  stop(): void {
    this.options.clock.clearTimeout(this.timer);
    this.timer = null;
  }

  lookup(roomId: string | undefined, setId: string, version: string): BadgeImage | undefined {
    const channel = roomId === undefined ? undefined : this.contents.channels.get(roomId);
    return channel?.table.get(setId)?.get(version) ?? this.contents.global?.table.get(setId)?.get(version);
  }

  decorate(badges: Badge[], roomId: string | undefined): void {
    if (badges.length === 0 || (this.contents.global === null && this.contents.channels.size === 0)) return;
    for (const badge of badges) {
      const image = this.lookup(roomId, badge.setId, badge.version);
      if (!image) continue;
      badge.imageUrl = image.url1x;
      if (image.url2x) badge.imageUrl2x = image.url2x;
      if (image.url4x) badge.imageUrl4x = image.url4x;
      if (image.title) {
        badge.title =
          badge.info && MONTH_SETS.has(badge.setId) ? `${image.title} (${badge.info} months)` : image.title;
      }
    }
  }

  /** Whether `key`'s list should be fetched now; `retryFailed` ignores the back-off after a failure. */
  private due(key: string, retryFailed: boolean): boolean {
    if (this.inFlight.has(key)) return false;
    const now = this.options.clock.now();
    const failed = this.failedAt.get(key);
    if (!retryFailed && failed !== undefined && now - failed < this.retryMs) return false;
    const entry = key === GLOBAL ? this.contents.global : this.contents.channels.get(key);
    return !entry || now - entry.fetchedAt >= this.maxAgeMs || entry.fetchedAt > now;
  }

  private fetchList(key: string): Promise<void> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const promise = this.fetchNow(key).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  private async fetchNow(key: string): Promise<void> {
    const helix = this.options.helix();
    if (!helix) return;
    this.counters.fetches += 1;
    try {
      const answer = await helix.request({
        method: 'GET',
        path: key === GLOBAL ? '/chat/badges/global' : '/chat/badges',
        query: key === GLOBAL ? undefined : { broadcaster_id: key },
      });
      const parsed = parseBadgeSets(answer.data);
      if (!parsed) throw new Error('Twitch answered without a badge list');
      this.store(key, { table: parsed.table, fetchedAt: this.options.clock.now() }, parsed.dropped);
      this.failedAt.delete(key);
      this.failing = this.failedAt.size > 0;
      await this.save();
    } catch (error) {
      this.onFailure(key, error);
    }
  }

  private store(key: string, entry: BadgeListEntry, dropped: number): void {
    if (key === GLOBAL) this.contents.global = entry;
    else this.contents.channels.set(key, entry);
    this.counters.dropped += dropped;
    if (dropped > 0) this.options.log.warn(`${key} badges: ${dropped} bad entries dropped`);
  }

  private onFailure(key: string, error: unknown): void {
    this.counters.failures += 1;
    this.failedAt.set(key, this.options.clock.now());
    const why =
      error instanceof HelixError
        ? `${error.status === 0 ? 'network error' : `HTTP ${error.status}`}: ${error.twitchMessage}`
        : error instanceof Error
          ? error.message
          : 'unknown error';
    this.options.log.warn(`could not load ${key === GLOBAL ? 'global' : 'channel'} badges (${why})`);
    if (this.failing) return; // one notice per failure streak, not one per list and try
    this.failing = true;
    this.options.notify(
      'warning',
      `Twitch badge images could not be loaded (${why}); badges show as labels until the next try.`,
    );
  }

  private save(): Promise<void> {
    const path = this.options.path;
    if (!path) return Promise.resolve();
    this.saving = this.saving
      .then(() => saveBadgeCache(path, this.contents))
      .catch((error: unknown) => this.options.log.warn('could not write the badge cache', error));
    return this.saving;
  }
}
