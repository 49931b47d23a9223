import { describe, expect, it } from 'vitest';
import type { ChatMessage, Removal, SourceRef } from '../../src/shared/events';
import { messageKey, messageKeyOf, removalCovers, removedMark } from '../../src/shared/removal';
import { ChatHistory } from '../../src/main/core/hub/chat-history';
import { ChatWorkingCopy } from '../../src/renderer/src/store/chat-slice';
import { chat, ref, removal } from '../helpers/events';

const other: SourceRef = { sourceId: 'other', provider: 'twitch', channel: 'chan' };
const bob = { ...chat().author, id: 'u2', login: 'Bob' };

describe('messageKey', () => {
  it('is the same for the same line and differs across sources with the same service id', () => {
    const a = chat({ id: '42' });
    expect(messageKey(a)).toBe(messageKeyOf(ref.sourceId, '42'));
    expect(messageKey(a)).toBe(messageKey(chat({ id: '42' })));
    expect(messageKey(a)).not.toBe(messageKey(chat({ id: '42', source: other })));
  });
});

describe('removalCovers', () => {
  it('covers one line by id, also when it was removed before (the newer state wins)', () => {
    const line = chat({ id: 'x' });
    expect(removalCovers(removal({ type: 'message', messageId: 'x' }), line)).toBe(true);
    expect(removalCovers(removal({ type: 'message', messageId: 'y' }), line)).toBe(false);
    const hidden = { ...line, removed: removedMark(removal({ type: 'message', messageId: 'x' })) };
    expect(removalCovers(removal({ type: 'message', messageId: 'x' }), hidden)).toBe(true);
  });

  it('covers a user by id or by login in any case, only lines not yet removed', () => {
    const line = chat({ author: bob });
    expect(removalCovers(removal({ type: 'user', userId: 'u2' }), line)).toBe(true);
    expect(removalCovers(removal({ type: 'user', login: 'BOB' }), line)).toBe(true);
    expect(removalCovers(removal({ type: 'user', login: 'ada' }), line)).toBe(false);
    expect(removalCovers(removal({ type: 'user' }), line)).toBe(false);
    const earlier = { ...line, removed: removedMark(removal({ type: 'message', messageId: line.id })) };
    expect(removalCovers(removal({ type: 'user', login: 'bob' }), earlier)).toBe(false);
  });

  it('clears every line not yet removed, and never a line of another source', () => {
    expect(removalCovers(removal({ type: 'all' }), chat())).toBe(true);
    expect(removalCovers(removal({ type: 'all' }), chat({ source: other }))).toBe(false);
    expect(
      removalCovers(removal({ type: 'message', messageId: 'z' }), chat({ id: 'z', source: other })),
    ).toBe(false);
  });
});

describe('the core history and a view replica apply removals alike', () => {
  it('marks the same lines with the same reason for a mixed sequence', () => {
    const lines: ChatMessage[] = [
      chat({ id: 'a' }),
      chat({ id: 'b', author: bob }),
      chat({ id: 'a', source: other }),
      chat({ id: 'c', author: bob }),
      chat({ id: 'd' }),
    ];
    const removals: Removal[] = [
      removal({ type: 'message', messageId: 'a' }, { confirmed: false, at: 1 }),
      removal({ type: 'user', login: 'BOB' }, { reason: 'timeout', at: 2 }),
      removal({ type: 'message', messageId: 'a' }, { confirmed: true, at: 3 }),
      removal({ type: 'all' }, { reason: 'clear', at: 4 }),
    ];
    const history = new ChatHistory(100);
    for (const line of lines) history.add(line);
    const replica = new ChatWorkingCopy(lines.slice());
    for (const r of removals) {
      history.applyRemoval(r);
      replica.applyRemoval(r);
    }
    const marks = (list: ChatMessage[]) => list.map((m) => [messageKey(m), m.removed ?? null]);
    expect(marks(replica.messages)).toEqual(marks(history.list()));
    expect(history.list().map((m) => m.removed?.reason ?? null)).toEqual([
      'delete',
      'timeout',
      null,
      'timeout',
      'clear',
    ]);
    expect(history.list()[0].removed).toEqual({ reason: 'delete', confirmed: true, at: 3 });
  });
});
