import { describe, expect, it } from 'vitest';
import type { AlertApprovalSettings } from '../../src/shared/alert-box/settings';
import type { AlertApprovalItem } from '../../src/shared/alert-box/approval-types';
import type { Alert } from '../../src/shared/events';
import { AlertApprovalGate, carriesViewerText } from '../../src/main/core/alerts/alert-approval';
import { alert as makeAlert } from '../helpers/events';
import { FakeClock } from '../helpers/fake-clock';

const alert = (id: string, message: string | null): Alert =>
  makeAlert({
    id,
    alertType: 'donation',
    bits: undefined,
    amount: { value: '5.00', currency: 'USD' },
    message: message === null ? null : [{ type: 'text', text: message }],
  });

function setup(settings: Partial<AlertApprovalSettings> = {}, maxPending?: number) {
  const clock = new FakeClock();
  const released: Alert[] = [];
  const lists: AlertApprovalItem[][] = [];
  const current: AlertApprovalSettings = {
    enabled: true,
    timeoutSeconds: 30,
    onTimeout: 'reject',
    ...settings,
  };
  const gate = new AlertApprovalGate({
    clock,
    settings: () => current,
    release: (a) => released.push(a),
    onChange: (items) => lists.push(items),
    maxPending,
  });
  const statuses = () => gate.list().map((item) => `${item.alert.id}:${item.status}`);
  return { clock, gate, released, lists, statuses, current };
}

describe('alert approval (issue 14 item 4)', () => {
  it('releases alerts without viewer text, and everything when approval is off', () => {
    const { gate, released } = setup();
    expect(gate.submit(alert('a', null))).toBe('released');
    expect(gate.submit(alert('b', '   '))).toBe('released');
    const off = setup({ enabled: false });
    expect(off.gate.submit(alert('c', 'hello'))).toBe('released');
    expect(released.map((a) => a.id)).toEqual(['a', 'b']);
    expect(carriesViewerText(alert('d', 'x'))).toBe(true);
  });

  it('holds alerts with text until a moderator approves, approves without text, or rejects', () => {
    const { gate, released, statuses } = setup();
    for (const id of ['a', 'b', 'c']) expect(gate.submit(alert(id, `text ${id}`))).toBe('held');
    expect(released).toEqual([]);
    expect(statuses()).toEqual(['a:pending', 'b:pending', 'c:pending']);
    expect(gate.decide('a', 'approve')).toBe(true);
    expect(gate.decide('b', 'approve-without-text')).toBe(true);
    expect(gate.decide('c', 'reject')).toBe(true);
    expect(gate.decide('c', 'approve')).toBe(false); // decided already
    expect(released.map((a) => [a.id, a.message])).toEqual([
      ['a', [{ type: 'text', text: 'text a' }]],
      ['b', null],
    ]);
    expect(statuses()).toEqual(['c:rejected', 'b:approved-without-text', 'a:approved']);
    expect(gate.list()[0]).toMatchObject({ decidedBy: 'moderator' });
  });

  it('applies the timeout policy after N seconds', () => {
    for (const [policy, expected] of [
      ['reject', []],
      ['approve', [[{ type: 'text', text: 'hi' }]]],
      ['approve-without-text', [null]],
    ] as const) {
      const { clock, gate, released } = setup({ timeoutSeconds: 10, onTimeout: policy });
      gate.submit(alert('a', 'hi'));
      clock.advance(9999);
      expect(released).toEqual([]);
      clock.advance(1);
      expect(released.map((a) => a.message)).toEqual(expected);
      expect(gate.list()[0]).toMatchObject({ decidedBy: 'timeout', decidedAt: clock.now() });
    }
  });

  it('waits forever with timeout 0; a decision cancels the timer', () => {
    const { clock, gate, released } = setup({ timeoutSeconds: 0 });
    gate.submit(alert('a', 'hi'));
    expect(gate.list()[0]?.expiresAt).toBeNull();
    clock.advance(24 * 3600_000);
    expect(gate.list()[0]?.status).toBe('pending');
    const timed = setup({ timeoutSeconds: 5, onTimeout: 'approve' });
    timed.gate.submit(alert('b', 'hi'));
    timed.gate.decide('b', 'reject');
    expect(timed.clock.pending()).toBe(0);
    timed.clock.advance(10_000);
    expect(timed.released).toEqual([]);
    expect(released).toEqual([]);
  });

  it('bounds the waiting list: the oldest gets the timeout policy', () => {
    const { gate, statuses } = setup({ onTimeout: 'reject' }, 2);
    gate.submit(alert('a', '1'));
    gate.submit(alert('b', '2'));
    gate.submit(alert('c', '3'));
    expect(statuses()).toEqual(['b:pending', 'c:pending', 'a:rejected']);
  });

  it('notifies each change and stops cleanly', () => {
    const { clock, gate, lists } = setup();
    gate.submit(alert('a', 'x'));
    gate.decide('a', 'reject');
    expect(lists.map((list) => list.map((item) => item.status))).toEqual([['pending'], ['rejected']]);
    gate.submit(alert('b', 'y'));
    gate.stop();
    expect(clock.pending()).toBe(0);
    expect(gate.decide('b', 'approve')).toBe(false);
  });
});
