import { describe, expect, it } from 'vitest';
import { presentAlert } from '../../src/shared/alert-box/presentation';
import { containsBannedWord, decideSpeech } from '../../src/shared/alert-box/speech';
import { renderTemplate } from '../../src/shared/alert-box/template';
import { chooseStyle } from '../../src/shared/alert-box/variations';
import type { AlertTypeStyle, TtsSettings } from '../../src/shared/alert-box/settings';
import type { Alert, AlertType, MessagePart } from '../../src/shared/events';
import { settingsSchema } from '../../src/shared/settings';
import { alert as makeAlert } from '../helpers/events';

const alert = (alertType: AlertType, extra: Partial<Alert> = {}): Alert =>
  makeAlert({ alertType, bits: undefined, ...extra });

const text = (value: string): MessagePart[] => [{ type: 'text', text: value }];

const cheerStyle: AlertTypeStyle = {
  base: { template: '{user} cheered {amount} bits', image: 'cheer.gif' },
  variations: [
    { id: 'big', name: '1,000+', when: { minAmount: 1000 }, image: 'big.webm', sound: 'horn.ogg' },
    { id: 'mid', name: '100+', when: { minAmount: 100 }, template: 'Nice, {user}! {bits} bits' },
  ],
};

describe('alert templates', () => {
  it('fills variables and leaves unknown ones as written', () => {
    const cheer = alert('cheer', { bits: 1500 });
    expect(renderTemplate('{user} cheered {amount} bits', cheer, 'en-US')).toBe('Ada cheered 1,500 bits');
    expect(renderTemplate('{user} {nope} {}', cheer, 'en-US')).toBe('Ada {nope} {}');
    const donation = alert('donation', { amount: { value: '12.50', currency: 'EUR' } });
    expect(renderTemplate('{amount} from {user}', donation, 'en-US')).toBe('€12.50 from Ada');
    const gifts = alert('giftsub', { count: 10, tier: '3000' });
    expect(renderTemplate('{user}: {count} × {tier}', gifts, 'en-US')).toBe('Ada: 10 × Tier 3');
  });

  it('is plain text: markup in names stays text, long values are cut', () => {
    const hostile = alert('follow', {
      user: { id: null, login: null, displayName: `<img src=x>${'x'.repeat(500)}` },
    });
    const out = renderTemplate('{user}', hostile);
    expect(out.startsWith('<img src=x>')).toBe(true);
    expect(out.length).toBe(100);
    expect(
      renderTemplate('{user}', alert('follow', { user: { id: null, login: null, displayName: '' } })),
    ).toBe('Anonymous');
  });
});

describe('variations: the first matching rule wins', () => {
  it('picks by amount, in the listed order, and falls back to the base', () => {
    expect(chooseStyle(alert('cheer', { bits: 5000 }), cheerStyle).variationId).toBe('big');
    expect(chooseStyle(alert('cheer', { bits: 999 }), cheerStyle).variationId).toBe('mid');
    expect(chooseStyle(alert('cheer', { bits: 10 }), cheerStyle)).toEqual({
      variationId: null,
      style: { template: '{user} cheered {amount} bits', image: 'cheer.gif' },
    });
    expect(chooseStyle(alert('cheer', { bits: 10 }), undefined)).toEqual({ variationId: null, style: {} });
  });

  it('a variation overrides only the fields it sets', () => {
    const { style } = chooseStyle(alert('cheer', { bits: 1000 }), cheerStyle);
    expect(style).toEqual({
      template: '{user} cheered {amount} bits',
      image: 'big.webm',
      sound: 'horn.ogg',
    });
  });

  it('matches tier, months and gift-bomb size; every condition must hold', () => {
    const subs: AlertTypeStyle = {
      base: {},
      variations: [
        { id: 't3-year', name: '', when: { tier: '3000', minMonths: 12 } },
        { id: 't3', name: '', when: { tier: '3000' } },
      ],
    };
    expect(chooseStyle(alert('resub', { tier: '3000', months: 24 }), subs).variationId).toBe('t3-year');
    expect(chooseStyle(alert('resub', { tier: '3000', months: 2 }), subs).variationId).toBe('t3');
    expect(chooseStyle(alert('resub', { tier: '1000', months: 24 }), subs).variationId).toBeNull();
    const bombs: AlertTypeStyle = {
      base: {},
      variations: [{ id: 'bomb', name: '', when: { minAmount: 10 } }],
    };
    expect(chooseStyle(alert('giftsub', { count: 10 }), bombs).variationId).toBe('bomb');
    expect(chooseStyle(alert('giftsub', { count: 9 }), bombs).variationId).toBeNull();
    // Types without an amount never match an amount rule.
    expect(chooseStyle(alert('follow'), bombs).variationId).toBeNull();
  });
});

const tts = (patch: Partial<TtsSettings> = {}): TtsSettings => ({
  ...settingsSchema.parse({}).alerts.tts,
  enabled: true,
  ...patch,
});

describe('text-to-speech filters', () => {
  it('reads donation, cheer and resub messages only, when on', () => {
    const donation = alert('donation', {
      amount: { value: '5', currency: 'USD' },
      message: text('Hello there'),
    });
    expect(decideSpeech(donation, tts())).toEqual({ speak: true, text: 'Hello there' });
    expect(decideSpeech(donation, tts({ enabled: false }))).toEqual({ speak: false, reason: 'off' });
    expect(decideSpeech(alert('sub', { message: text('hi') }), tts())).toMatchObject({ reason: 'type' });
    expect(decideSpeech(donation, tts({ types: ['cheer'] }))).toMatchObject({ reason: 'type' });
    expect(decideSpeech(alert('resub', { message: null }), tts())).toMatchObject({ reason: 'no-message' });
  });

  it('applies minimum bits and donation', () => {
    const cheer = alert('cheer', { bits: 99, message: text('hey') });
    expect(decideSpeech(cheer, tts({ minBits: 100 }))).toMatchObject({ reason: 'below-minimum' });
    expect(decideSpeech({ ...cheer, bits: 100 }, tts({ minBits: 100 }))).toMatchObject({ speak: true });
    const donation = alert('donation', { amount: { value: '4.99', currency: 'USD' }, message: text('hey') });
    expect(decideSpeech(donation, tts({ minDonation: 5 }))).toMatchObject({ reason: 'below-minimum' });
  });

  it('leaves cheermotes, emotes and links out; skips emote-only text', () => {
    const cheer = alert('cheer', {
      bits: 100,
      message: [
        { type: 'cheer', text: 'Cheer100', prefix: 'Cheer', bits: 100 },
        { type: 'text', text: ' go team ' },
        { type: 'emote', text: 'Kappa', id: '25', url: 'https://static-cdn.jtvnw.net/x' },
        { type: 'link', text: 'https://evil.example/x', url: 'https://evil.example/x' },
        { type: 'text', text: ' see bit.ly/abc and www.x.org or example.com!' },
      ],
    });
    expect(decideSpeech(cheer, tts())).toEqual({ speak: true, text: 'go team see and or' });
    expect(decideSpeech(cheer, tts({ skipLinks: false }))).toMatchObject({
      text: 'go team https://evil.example/x see bit.ly/abc and www.x.org or example.com!',
    });
    const emotesOnly = alert('cheer', {
      bits: 100,
      message: [
        { type: 'cheer', text: 'Cheer100', prefix: 'Cheer', bits: 100 },
        { type: 'emote', text: 'Kappa', id: '25', url: 'https://static-cdn.jtvnw.net/x' },
      ],
    });
    expect(decideSpeech(emotesOnly, tts())).toMatchObject({ reason: 'emote-only' });
    expect(decideSpeech(emotesOnly, tts({ skipEmoteOnly: false }))).toMatchObject({ text: 'Cheer100 Kappa' });
    const linkOnly = alert('donation', {
      amount: { value: '5', currency: 'USD' },
      message: text('http://a.b/c'),
    });
    expect(decideSpeech(linkOnly, tts())).toMatchObject({ reason: 'nothing-to-read' });
  });

  it('does not read over-long messages or any with a banned word (whole words, any case)', () => {
    const long = alert('resub', { months: 3, message: text('a'.repeat(201)) });
    expect(decideSpeech(long, tts())).toMatchObject({ reason: 'too-long' });
    expect(decideSpeech(long, tts({ maxLength: 201 }))).toMatchObject({ speak: true });
    const rude = alert('resub', { months: 3, message: text('You are a BadWord, truly') });
    expect(decideSpeech(rude, tts({ bannedWords: ['badword'] }))).toMatchObject({ reason: 'banned-word' });
    expect(containsBannedWord('classic', ['ass'])).toBe(false);
    expect(containsBannedWord('Straße frei', ['STRASSE', 'straße'])).toBe(true);
    expect(containsBannedWord('go to heck now', ['to heck'])).toBe(true);
    // A banned word hidden in a link is still found, though links are not read.
    const link = alert('resub', {
      months: 3,
      message: [{ type: 'link', text: 'https://x.y/badword', url: 'https://x.y/badword' }, ...text(' hi')],
    });
    expect(decideSpeech(link, tts({ bannedWords: ['badword'] }))).toMatchObject({ reason: 'banned-word' });
  });
});

describe('presentAlert', () => {
  const settings = settingsSchema.parse({
    alerts: {
      mediaFolder: '/media',
      types: { cheer: cheerStyle },
      tts: { enabled: true },
    },
  }).alerts;

  it('resolves style, media URLs, template and speech', () => {
    const shown = presentAlert(
      alert('cheer', { bits: 2000, message: text('Big cheer!') }),
      settings,
      'en-US',
    );
    expect(shown).toEqual({
      variationId: 'big',
      text: 'Ada cheered 2,000 bits',
      image: { url: '/alert-media/big.webm', kind: 'video' },
      sound: { url: '/alert-media/horn.ogg', volume: 0.8 },
      durationMs: 8000,
      enter: 'fade',
      exit: 'fade',
      layout: 'image-above',
      speech: { text: 'Big cheer!', engine: 'auto', voice: '', rate: 1, volume: 1 },
    });
  });

  it('uses the default template and no media without a folder; waits for long speech', () => {
    const none = { ...settings, mediaFolder: '' };
    const shown = presentAlert(alert('cheer', { bits: 1, message: text('x'.repeat(150)) }), none, 'en-US');
    expect(shown.image).toBeNull();
    expect(shown.sound).toBeNull();
    expect(shown.text).toBe('Ada cheered 1 bits');
    expect(shown.durationMs).toBe(2500 + 150 * 75);
    expect(presentAlert(alert('follow'), none).text).toBe('Ada just followed!');
  });

  it('rejects media names that are paths in the settings', () => {
    const bad = settingsSchema.safeParse({
      alerts: { types: { cheer: { base: { image: '../secret.png' } } } },
    });
    expect(bad.success).toBe(false);
    const dots = settingsSchema.safeParse({ alerts: { types: { cheer: { base: { sound: '..' } } } } });
    expect(dots.success).toBe(false);
  });
});
