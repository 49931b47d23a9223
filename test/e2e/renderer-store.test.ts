import { describe, expect, it } from 'vitest';
import type { ModPush, ModSnapshot, OverlaySnapshot, ViewBridge, ViewPush } from '../../src/shared/api';
import type { ChatMessage, SourceStatus } from '../../src/shared/events';
import { emptyAlertQueueState } from '../../src/shared/alert-queue-state';
import { defaultSettings } from '../../src/shared/settings';
import { bindStore } from '../../src/renderer/src/store/bindings';
import { createModStore, createOverlayStore } from '../../src/renderer/src/store/create-stores';
import {
  visibleLines,
  effectiveOptions,
  parseOverlayQuery,
} from '../../src/renderer/src/overlay/overlay-options';

const ref = { sourceId: 's1', provider: 'twitch' as const, channel: 'c' };
let n = 0;
const chat = (over: Partial<ChatMessage> = {}): ChatMessage => ({
  kind: 'chat',
  id: `m${++n}`,
  source: ref,
  author: { id: 'u1', login: 'ada', displayName: 'Ada', color: null, badges: [], roles: [] },
  parts: [{ type: 'text', text: 'hi' }],
  text: 'hi',
  flags: { action: false, firstMessage: false, returningChatter: false, highlighted: false },
  reply: null,
  serverTime: 0,
  receivedAt: 1000 + n,
  targetable: true,
  ...over,
});
const snapshot = (messages: ChatMessage[] = []): ModSnapshot => ({
  messages,
  statuses: [],
  notices: [],
  presence: { s1: ['a', 'b'] },
  modes: {},
  automod: [],
  modlog: [],
  alerts: emptyAlertQueueState,
  auth: { provider: 'twitch', status: 'logged-out' },
  overlay: defaultSettings().overlay,
  timeoutPresets: [60],
  highlights: defaultSettings().highlights,
});
const overlaySnapshot = (messages: ChatMessage[] = []): OverlaySnapshot => ({
  messages,
  alerts: { active: null, activeUntil: null },
  overlay: defaultSettings().overlay,
});
const status = (capabilities: SourceStatus['capabilities']): SourceStatus => ({
  kind: 'status',
  source: ref,
  label: 'Twitch #c',
  state: 'connected',
  since: 0,
  lastMessageAt: null,
  reconnects: 0,
  error: null,
  capabilities,
  identity: null,
  demo: false,
});

/** A bridge the test drives by hand, and a scheduler that flushes only when told. */
function manualBridge<P extends ViewPush>() {
  const listeners = new Set<(push: P) => void>();
  let readyCalls = 0;
  const bridge: ViewBridge<P> = {
    onPush: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    ready: () => void readyCalls++,
  };
  const flushes: Array<() => void> = [];
  return {
    resolved: { bridge, onConnection: (l: (c: boolean) => void) => (l(true), () => {}) },
    schedule: (flush: () => void) => (flushes.push(flush), () => {}),
    emit: (push: P) => listeners.forEach((l) => l(push)),
    frame: () => flushes.splice(0).forEach((f) => f()),
    readyCalls: () => readyCalls,
    listenerCount: () => listeners.size,
  };
}

describe('renderer store (replica of the core)', () => {
  it('binds, says ready, and applies a burst of pushes in one update per frame', () => {
    const store = createModStore();
    const io = manualBridge<ModPush>();
    let updates = 0;
    store.subscribe(() => updates++);
    const unbind = bindStore(store, io.resolved, io.schedule);
    expect(io.readyCalls()).toBe(1);
    expect(store.getState().connected).toBe(true);
    updates = 0;
    const first = chat();
    io.emit({ type: 'snapshot', snapshot: snapshot([first]) });
    for (let i = 0; i < 50; i++) io.emit({ type: 'events', events: [chat()] });
    expect(store.getState().messages).toHaveLength(0); // nothing before the frame
    io.frame();
    expect(updates).toBeGreaterThanOrEqual(1);
    expect(updates).toBeLessThanOrEqual(2); // the batch, plus the active-source fix-up at most
    expect(store.getState().messages).toHaveLength(51);
    expect(store.getState().presenceCount).toEqual({ s1: 2 });
    unbind();
    expect(io.listenerCount()).toBe(0);
  });

  it('marks removals: by message, by user, whole chat; confirmed flag kept', () => {
    const store = createOverlayStore();
    const a = chat();
    const b = chat({ author: { ...a.author, id: 'u2', login: 'bob' } });
    const c = chat();
    store.getState().receive([{ type: 'snapshot', snapshot: overlaySnapshot([a, b, c]) }]);
    const base = { kind: 'removal' as const, source: ref, at: 5 };
    store.getState().receive([
      {
        type: 'events',
        events: [
          { ...base, target: { type: 'message', messageId: b.id }, reason: 'delete', confirmed: false },
        ],
      },
    ]);
    const [ma0, mb0] = store.getState().messages;
    expect(mb0.removed).toEqual({ reason: 'delete', confirmed: false, at: 5 });
    expect(ma0.removed).toBeUndefined();
    store.getState().receive([
      {
        type: 'events',
        events: [{ ...base, target: { type: 'user', login: 'ADA' }, reason: 'timeout', confirmed: true }],
      },
    ]);
    const [ma, mb, mc] = store.getState().messages;
    expect(ma.removed?.reason).toBe('timeout');
    expect(mc.removed?.confirmed).toBe(true);
    expect(mb.removed?.reason).toBe('delete'); // earlier removal stays
  });

  it('keeps history bounded and untouched collections keep their identity', () => {
    const store = createOverlayStore();
    store.getState().receive([{ type: 'snapshot', snapshot: overlaySnapshot() }]);
    const overlayBefore = store.getState().overlay;
    store.getState().receive([{ type: 'events', events: Array.from({ length: 450 }, () => chat()) }]);
    expect(store.getState().messages).toHaveLength(200);
    expect(store.getState().overlay).toBe(overlayBefore);
  });

  it('mod store: automod resolution replaces the hold in place; active source follows capabilities', () => {
    const store = createModStore();
    store.getState().receive([{ type: 'snapshot', snapshot: snapshot() }]);
    store.getState().receive([{ type: 'events', events: [status(['send', 'delete'])] }]);
    expect(store.getState().activeSourceId).toBe('s1');
    const hold = {
      kind: 'automod' as const,
      id: 'h1',
      source: ref,
      author: { id: 'u1', login: 'ada', displayName: 'Ada' },
      parts: [],
      text: 'x',
      reason: 'profanity',
      heldAt: 1,
      status: 'pending' as const,
    };
    store.getState().receive([{ type: 'events', events: [hold, { ...hold, id: 'h2' }] }]);
    store
      .getState()
      .receive([{ type: 'events', events: [{ ...hold, status: 'denied', resolvedBy: 'mod_b' }] }]);
    expect(store.getState().automod.map((h) => [h.id, h.status, h.resolvedBy])).toEqual([
      ['h1', 'denied', 'mod_b'],
      ['h2', 'pending', undefined],
    ]);
  });

  it('overlay filters: removed, hidden users, !commands, maxLines, fade, and the element budget', () => {
    const lines = [
      chat({ text: '!discord', parts: [{ type: 'text', text: '!discord' }] }),
      chat({
        author: { id: 'b', login: 'Nightbot', displayName: 'Nightbot', color: null, badges: [], roles: [] },
      }),
      chat({ removed: { reason: 'delete', confirmed: true, at: 1 } }),
      chat(),
      chat(),
    ];
    const options = effectiveOptions(defaultSettings().overlay, parseOverlayQuery('?commands=0&max=5'));
    expect(visibleLines(lines, options, 0).map((m) => m.id)).toEqual([lines[3].id, lines[4].id]);
    const max1 = effectiveOptions(defaultSettings().overlay, parseOverlayQuery('?max=1'));
    expect(visibleLines(lines, max1, 0)).toEqual([lines[4]]);
    const fade = effectiveOptions(defaultSettings().overlay, parseOverlayQuery('?fade=1'));
    expect(visibleLines(lines, fade, lines[4].receivedAt + 2000)).toEqual([]);
    const emoteWall = Array.from({ length: 100 }, () =>
      chat({
        parts: Array.from({ length: 30 }, () => ({
          type: 'emote' as const,
          text: 'K',
          id: '1',
          url: 'https://x/1',
        })),
      }),
    );
    const many = effectiveOptions(defaultSettings().overlay, parseOverlayQuery('?max=200'));
    const shown = visibleLines(emoteWall, many, 0);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length * 33).toBeLessThanOrEqual(270);
  });
});
