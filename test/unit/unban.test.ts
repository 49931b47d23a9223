import { describe, expect, it } from 'vitest';
import type { ChatMessage, ModLogEntry, Removed } from '../../src/shared/events';
import { liftsRemoval } from '../../src/shared/unban';

const line = (removed: Removed | undefined, login = 'Rude', sourceId = 'tw'): ChatMessage =>
  ({
    kind: 'chat',
    id: 'm1',
    source: { sourceId, provider: 'twitch', channel: 'chan' },
    author: { id: 'u1', login, displayName: login, color: null, badges: [], roles: [] },
    parts: [],
    text: '',
    flags: {},
    reply: null,
    serverTime: 0,
    receivedAt: 0,
    targetable: true,
    removed,
  }) as unknown as ChatMessage;

const entry = (over: Partial<ModLogEntry> = {}): ModLogEntry => ({
  id: 'l1',
  at: 2000,
  sourceId: 'tw',
  actor: 'mod',
  action: 'unban',
  target: 'rude',
  result: 'ok',
  ...over,
});

const banned: Removed = { reason: 'ban', confirmed: true, at: 1000 };

describe('an unban lifts "banned"', () => {
  it('lifts a ban or timeout of that user in that source, by login in any case', () => {
    expect(liftsRemoval(entry(), line(banned))).toBe(true);
    expect(liftsRemoval(entry({ action: 'untimeout' }), line({ ...banned, reason: 'timeout' }))).toBe(true);
    expect(liftsRemoval(entry({ result: 'local' }), line({ ...banned, confirmed: false }))).toBe(true);
  });

  it('leaves everything else', () => {
    expect(liftsRemoval(entry({ result: 'error' }), line(banned))).toBe(false);
    expect(liftsRemoval(entry({ action: 'ban' }), line(banned))).toBe(false);
    expect(liftsRemoval(entry({ target: 'other' }), line(banned))).toBe(false);
    expect(liftsRemoval(entry({ target: '' }), line(banned, ''))).toBe(false);
    expect(liftsRemoval(entry({ sourceId: 'kc' }), line(banned))).toBe(false);
    expect(liftsRemoval(entry(), line({ ...banned, reason: 'delete' }))).toBe(false);
    expect(liftsRemoval(entry(), line(undefined))).toBe(false);
    expect(liftsRemoval(entry(), line({ ...banned, liftedAt: 1500 }))).toBe(false);
    // A ban after the unban (rebuilding from a snapshot's mod log) stays a ban.
    expect(liftsRemoval(entry({ at: 500 }), line(banned))).toBe(false);
  });
});
