import { z } from 'zod';
import {
  DEFAULT_OVERLAY,
  DEFAULT_TIMEOUT_PRESETS,
  LINK_MODES,
  MESSAGE_CHARS_MAX,
  MESSAGE_CHARS_MIN,
  OVERLAY_THEMES,
  TEXT_EFFECTS,
} from './settings-defaults';
import { alertBoxSettingsFields } from './alert-box/settings';
import { highlightSettingsSchema } from './highlights';

/** Settings persisted as JSON. Every field has a default so a partial or old file still loads. */

const sourceBase = {
  id: z.string().min(1).max(64),
  enabled: z.boolean().default(true),
  // Moderation gate (docs/events.md "Moderation gate"): seconds a chat line waits before the overlay shows it,
  // so a moderator can keep it off stream. Absent or 0 = at once (optional, not `.default(0)`, so configs written
  // in code and older files need not name it).
  gateSeconds: z.number().min(0).max(30).optional(),
};

export const demoSourceSchema = z.object({
  ...sourceBase,
  type: z.literal('demo'),
  /** Chat messages per second. */
  rate: z.number().min(0.1).max(1000).default(2),
  /** Seed for deterministic output; 0 = random. */
  seed: z.number().int().min(0).default(0),
  /** Seconds between alerts on average; 0 = none. */
  alertEverySeconds: z.number().min(0).max(3600).default(20),
});

export const twitchSourceSchema = z.object({
  ...sourceBase,
  type: z.literal('twitch'),
  channel: z.string().regex(/^[a-z0-9_]{1,25}$/, 'a Twitch login: 1–25 of a–z, 0–9, _'),
  /** Read anonymously even when logged in. */
  anonymous: z.boolean().default(true),
});

export const chatkcSourceSchema = z.object({
  ...sourceBase,
  type: z.literal('chatkc'),
  url: z.string().url().default('wss://server.mattkc.com:2002'),
  /** Room label shown in the UI. */
  channel: z.string().min(1).max(64).default('stream.mattkc.com'),
});

/** Streamlabs tips through the Socket API (docs/protocol-tips.md); the Socket API token is a stored secret. */
export const streamlabsSourceSchema = z.object({
  ...sourceBase,
  type: z.literal('streamlabs'),
  url: z.string().url().default('https://sockets.streamlabs.com'),
  /** Show the dashboard's "test alert" donations (`isTest`) as alerts. */
  showTestAlerts: z.boolean().default(false),
});

/** StreamElements tips through the Astro gateway plus the tips REST API; the JWT is a stored secret. */
export const streamelementsSourceSchema = z.object({
  ...sourceBase,
  type: z.literal('streamelements'),
  url: z.string().url().default('wss://astro.streamelements.com'),
  /** REST base for recovering tips missed during an outage. */
  apiUrl: z.string().url().default('https://api.streamelements.com/kappa/v2'),
});

export const sourceConfigSchema = z.discriminatedUnion('type', [
  demoSourceSchema,
  twitchSourceSchema,
  chatkcSourceSchema,
  streamlabsSourceSchema,
  streamelementsSourceSchema,
]);
export type SourceConfig = z.infer<typeof sourceConfigSchema>;
export type DemoSourceConfig = z.infer<typeof demoSourceSchema>;
export type TwitchSourceConfig = z.infer<typeof twitchSourceSchema>;
export type ChatKcSourceConfig = z.infer<typeof chatkcSourceSchema>;
export type StreamlabsSourceConfig = z.infer<typeof streamlabsSourceSchema>;
export type StreamElementsSourceConfig = z.infer<typeof streamelementsSourceSchema>;

export const endpointsSchema = z.object({
  twitchIrc: z.string().default('wss://irc-ws.chat.twitch.tv:443'),
  twitchEventSub: z.string().default('wss://eventsub.wss.twitch.tv/ws'),
  twitchHelix: z.string().default('https://api.twitch.tv/helix'),
  twitchOAuth: z.string().default('https://id.twitch.tv/oauth2'),
  // Third-party emote APIs (docs/emotes.md); the CDN hosts are fixed by the CSP.
  bttvApi: z.string().default('https://api.betterttv.net/3'),
  ffzApi: z.string().default('https://api.frankerfacez.com/v1'),
  seventvApi: z.string().default('https://7tv.io/v3'),
  /** 7TV EventAPI: live emote-set changes (docs/emotes.md "7TV live updates"); the core connects, not a page. */
  seventvEvents: z.string().default('wss://events.7tv.io/v3'),
});

export const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100),
  height: z.number().int().min(100),
});

export const overlaySettingsSchema = z.object({
  /** Seconds a chat line stays on the overlay; 0 = forever (until pushed out). */
  fadeSeconds: z.number().min(0).max(3600).default(DEFAULT_OVERLAY.fadeSeconds),
  maxLines: z.number().int().min(1).max(200).default(DEFAULT_OVERLAY.maxLines),
  hideCommands: z.boolean().default(DEFAULT_OVERLAY.hideCommands),
  /** Logins whose lines never show on the overlay (bots). */
  hiddenUsers: z
    .array(z.string().max(64))
    .max(500)
    .default(() => [...DEFAULT_OVERLAY.hiddenUsers]),
  showAlerts: z.boolean().default(DEFAULT_OVERLAY.showAlerts),
  bounds: boundsSchema.optional(),
  clickThrough: z.boolean().default(DEFAULT_OVERLAY.clickThrough),
  // Look and readability; each can be overridden in the URL (docs/overlay-css.md "Themes and readability").
  theme: z.enum(OVERLAY_THEMES).default(DEFAULT_OVERLAY.theme),
  textEffect: z.enum(TEXT_EFFECTS).default(DEFAULT_OVERLAY.textEffect),
  links: z.enum(LINK_MODES).default(DEFAULT_OVERLAY.links),
  maxMessageChars: z
    .number()
    .int()
    .min(MESSAGE_CHARS_MIN)
    .max(MESSAGE_CHARS_MAX)
    .default(DEFAULT_OVERLAY.maxMessageChars),
});

export const settingsSchema = z.object({
  version: z.literal(1).default(1),
  sources: z.array(sourceConfigSchema).max(50).default([]),
  endpoints: endpointsSchema.prefault({}),
  twitch: z
    .object({
      /** Public client id from dev.twitch.tv (Device Code flow, no secret). */
      clientId: z.string().max(64).default(''),
      timeoutPresets: z
        .array(z.number().int().min(1).max(1_209_600))
        .min(1)
        .max(12)
        .default(() => [...DEFAULT_TIMEOUT_PRESETS]),
    })
    .prefault({}),
  overlay: overlaySettingsSchema.prefault({}),
  alerts: z
    .object({
      /** Seconds each alert stays on screen. */
      durationSeconds: z.number().min(1).max(120).default(8),
      minBits: z.number().int().min(0).default(0),
      minDonation: z.number().min(0).default(0),
      // The alert box: styles, variations, media folder, approval, text-to-speech (alert-settings.ts).
      ...alertBoxSettingsFields,
    })
    .prefault({}),
  /** Third-party emotes in Twitch chat, per provider (docs/emotes.md). */
  emotes: z
    .object({
      bttv: z.boolean().default(true),
      ffz: z.boolean().default(true),
      seventv: z.boolean().default(true),
      /** Emote sets are fetched again after this many minutes. */
      refreshMinutes: z.number().min(1).max(1440).default(30),
    })
    .prefault({}),
  server: z
    .object({
      port: z.number().int().min(0).max(65535).default(7480),
    })
    .prefault({}),
  /** Chat history, moderation actions and alerts in `history.sqlite` in the data folder (docs/storage.md). */
  storage: z
    .object({
      /**
       * On: chat, moderation and alerts are recorded in `history.sqlite` by a worker thread (the main thread only
       * queues and posts batches: ~1 % of a core at 10,000 msg/s, docs/storage.md). Off: history lasts until quit.
       */
      enabled: z.boolean().default(true),
      /** Rows older than this are pruned in the background. */
      retentionDays: z.number().int().min(1).max(3650).default(30),
      /** The oldest messages are pruned while the data is larger than this (whichever limit comes first). */
      maxBytes: z
        .number()
        .int()
        .min(16 * 1024 ** 2)
        .max(1024 ** 4)
        .default(2 * 1024 ** 3),
    })
    .prefault({}),
  /** Mod console highlight rules and their sound mute (shared/highlights.ts). */
  highlights: highlightSettingsSchema.prefault({}),
});

export type Settings = z.infer<typeof settingsSchema>;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
