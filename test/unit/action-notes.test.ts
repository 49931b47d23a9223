import { describe, expect, it } from 'vitest';
import { createModStore } from '../../src/renderer/src/store/create-stores';

describe('action notes (results shown where the action happened)', () => {
  it('keeps errors until dismissed; a newer result replaces only the earlier non-errors of its place', () => {
    const store = createModStore();
    const { putNote, settleNote, dismissNote } = store.getState();
    const a = putNote('line:x', 'pending', 'Ban ada…');
    settleNote(a, 'line:x', 'error', 'Ban ada failed: not a moderator.');
    const b = putNote('line:x', 'pending', 'Delete…');
    settleNote(b, 'line:x', 'ok', 'Delete: done.');
    putNote('side', 'ok', 'Settings saved');
    const texts = () => store.getState().notes.map((n) => `${n.scope} ${n.tone} ${n.text}`);
    expect(texts()).toEqual([
      'line:x error Ban ada failed: not a moderator.',
      'line:x ok Delete: done.',
      'side ok Settings saved',
    ]);
    putNote('line:x', 'info', 'Text copied.');
    expect(texts()).toEqual([
      'line:x error Ban ada failed: not a moderator.',
      'side ok Settings saved',
      'line:x info Text copied.',
    ]);
    dismissNote(a);
    expect(texts()).toEqual(['side ok Settings saved', 'line:x info Text copied.']);
  });

  it('a late success of a replaced request is dropped, a late failure still shows', () => {
    const store = createModStore();
    const { putNote, settleNote } = store.getState();
    const first = putNote('send', 'pending', 'Sending…');
    const second = putNote('send', 'pending', 'Sending…');
    settleNote(first, 'send', 'ok', 'Sent.');
    expect(store.getState().notes.map((n) => n.id)).toEqual([second]);
    settleNote(first, 'send', 'error', 'Not sent: too fast.');
    expect(store.getState().notes.map((n) => n.tone)).toEqual(['pending', 'error']);
  });

  it('bounds errors per place', () => {
    const store = createModStore();
    for (let i = 0; i < 8; i++) store.getState().putNote('chat', 'error', `error ${i}`);
    expect(store.getState().notes.map((n) => n.text)).toEqual([
      'error 3',
      'error 4',
      'error 5',
      'error 6',
      'error 7',
    ]);
  });
});
