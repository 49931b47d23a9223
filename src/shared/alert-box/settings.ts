import { z } from 'zod';
import { ALERT_TYPES } from '../events';
import { ALERT_ANIMATIONS, ALERT_LAYOUTS, SPOKEN_ALERT_TYPES, TTS_ENGINES } from './types';

/**
 * The alert box settings (the `alerts` section beyond duration and minimums): per alert type a base style and
 * variations chosen by the first matching rule, the media folder, approval and text-to-speech.
 * the README (section Alerts) explains them for users.
 */

/** A file name inside the media folder; '' = none. Never a path: the server refuses separators anyway. */
const mediaName = z
  .string()
  .max(200)
  .regex(/^[^/\\\0]*$/, 'a file name inside the media folder, without folders')
  .refine((name) => name !== '.' && name !== '..', 'a file name inside the media folder');

const styleFields = {
  /** Plain text with variables, e.g. `{user} cheered {amount} bits`. */
  template: z.string().max(300),
  image: mediaName,
  sound: mediaName,
  volume: z.number().min(0).max(1),
  durationSeconds: z.number().min(1).max(120),
  enter: z.enum(ALERT_ANIMATIONS),
  exit: z.enum(ALERT_ANIMATIONS),
  layout: z.enum(ALERT_LAYOUTS),
};

export const alertStyleSchema = z.object(styleFields).partial();

/** Every condition given must hold. `minAmount`: bits, donation value, gift count or raid viewers. */
export const variationConditionSchema = z.object({
  minAmount: z.number().min(0).optional(),
  tier: z.enum(['1000', '2000', '3000', 'Prime']).optional(),
  minMonths: z.number().int().min(0).optional(),
});

export const alertVariationSchema = alertStyleSchema.extend({
  id: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and -'),
  name: z.string().max(80).default(''),
  when: variationConditionSchema.default({}),
});

export const alertTypeStyleSchema = z.object({
  base: alertStyleSchema.default({}),
  /** Tried in order; the first whose conditions all hold wins, else the base style. */
  variations: z.array(alertVariationSchema).max(20).default([]),
});

export const alertApprovalSettingsSchema = z.object({
  /** Hold alerts that carry viewer text until a moderator decides. */
  enabled: z.boolean().default(false),
  /** After this many seconds without a decision, `onTimeout` applies; 0 = wait forever. */
  timeoutSeconds: z.number().int().min(0).max(3600).default(60),
  onTimeout: z.enum(['approve', 'approve-without-text', 'reject']).default('reject'),
});

export const ttsSettingsSchema = z.object({
  enabled: z.boolean().default(false),
  /** `auto`: a system voice through the Web Speech API when the page has one, else the offline engine. */
  engine: z.enum(TTS_ENGINES).default('auto'),
  /** System voice name (Web Speech); '' = the default voice. */
  voice: z.string().max(200).default(''),
  rate: z.number().min(0.5).max(2).default(1),
  volume: z.number().min(0).max(1).default(1),
  types: z
    .array(z.enum(SPOKEN_ALERT_TYPES))
    .max(SPOKEN_ALERT_TYPES.length)
    .default(() => [...SPOKEN_ALERT_TYPES]),
  minBits: z.number().int().min(0).default(0),
  minDonation: z.number().min(0).default(0),
  /** Longer messages are not read at all (cutting them could change what they say). */
  maxLength: z.number().int().min(1).max(500).default(200),
  /** Links are left out of what is read. */
  skipLinks: z.boolean().default(true),
  /** Messages made only of emotes (and cheermotes) are not read. */
  skipEmoteOnly: z.boolean().default(true),
  /** A message containing any of these words (case-insensitive, whole words) is not read. */
  bannedWords: z.array(z.string().min(1).max(64)).max(1000).default([]),
});

export const alertBoxSettingsFields = {
  /** Absolute path of the folder media are served from; '' = no media. */
  mediaFolder: z.string().max(1000).default(''),
  types: z.partialRecord(z.enum(ALERT_TYPES), alertTypeStyleSchema).default({}),
  approval: alertApprovalSettingsSchema.prefault({}),
  tts: ttsSettingsSchema.prefault({}),
};

export type AlertStyleSettings = z.infer<typeof alertStyleSchema>;
export type AlertVariation = z.infer<typeof alertVariationSchema>;
export type AlertTypeStyle = z.infer<typeof alertTypeStyleSchema>;
export type AlertApprovalSettings = z.infer<typeof alertApprovalSettingsSchema>;
export type TtsSettings = z.infer<typeof ttsSettingsSchema>;
