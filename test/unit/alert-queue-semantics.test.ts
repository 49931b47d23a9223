import { describe, expect, it } from 'vitest';
import type { AlertPresentation } from '../../src/shared/alert-box/types';
import type { AlertQueueState } from '../../src/shared/alert-queue-state';
import type { Alert, AlertType } from '../../src/shared/events';
import { createAlertQueue, type AlertQueueOptions } from '../../src/main/core/alerts/alert-queue';
import { alert as makeAlert } from '../helpers/events';
import { FakeClock } from '../helpers/fake-clock';

const alert = (id: string, alertType: AlertType = 'follow'): Alert =>
  makeAlert({ id, alertType, bits: undefined });

function setup(options: Partial<AlertQueueOptions> = {}) {
  const clock = new FakeClock();
  const states: AlertQueueState[] = [];
  const queue = createAlertQueue({
    clock,
    durationMs: () => 8000,
    onChange: (state) => states.push(state),
    exitMs: 600,
    ...options,
  });
  const activeId = () => queue.snapshot().active?.id ?? null;
  return { clock, queue, states, activeId, t0: clock.now() };
}

describe('alert queue semantics (issue 14 item 5)', () => {
  it('pause lets the alert on screen finish on time and holds the next until resume', () => {
    const { clock, queue, activeId, t0 } = setup();
    queue.enqueue(alert('a'));
    queue.enqueue(alert('b'));
    clock.advance(3000);
    queue.pause();
    // Still counting down: the 8 s alert is not frozen on stream.
    expect(queue.snapshot()).toMatchObject({ status: 'paused', activeUntil: t0 + 8000 });
    clock.advance(4999);
    expect(activeId()).toBe('a');
    clock.advance(1);
    expect(activeId()).toBeNull();
    expect(queue.snapshot()).toMatchObject({ status: 'paused', activeUntil: null });
    expect(queue.snapshot().queued.map((x) => x.id)).toEqual(['b']);
    clock.advance(60_000);
    expect(activeId()).toBeNull();
    queue.resume();
    expect(activeId()).toBe('b');
    expect(queue.snapshot().activeUntil).toBe(clock.now() + 8000);
  });

  it('no alert stays on screen past its duration however pause and resume are pressed', () => {
    const { clock, queue, activeId, t0 } = setup();
    queue.enqueue(alert('a'));
    for (let i = 0; i < 8; i += 1) {
      clock.advance(900);
      queue.pause();
      clock.advance(100);
      queue.resume();
    }
    expect(clock.now()).toBe(t0 + 8000);
    expect(activeId()).toBeNull();
  });

  it('skip plays the exit animation, then starts the next alert', () => {
    const { clock, queue, activeId } = setup();
    queue.enqueue(alert('a'));
    queue.enqueue(alert('b'));
    clock.advance(1000);
    queue.skip();
    expect(queue.snapshot()).toMatchObject({ exiting: true, activeUntil: clock.now() + 600 });
    expect(activeId()).toBe('a');
    clock.advance(599);
    expect(activeId()).toBe('a');
    clock.advance(1);
    expect(activeId()).toBe('b');
    expect(queue.snapshot()).toMatchObject({ exiting: false, activeUntil: clock.now() + 8000 });
    expect(queue.snapshot().recent.map((x) => x.id)).toEqual(['a']);
  });

  it('a second skip during the exit animation ends it at once; skip while paused starts nothing', () => {
    const { queue, activeId } = setup();
    queue.enqueue(alert('a'));
    queue.enqueue(alert('b'));
    queue.pause();
    queue.skip();
    expect(queue.snapshot().exiting).toBe(true);
    queue.skip();
    expect(activeId()).toBeNull();
    expect(queue.snapshot().status).toBe('paused');
    queue.resume();
    expect(activeId()).toBe('b');
  });

  it('skip near the end never extends the alert', () => {
    const { clock, queue, t0 } = setup();
    queue.enqueue(alert('a'));
    clock.advance(7800);
    queue.skip();
    expect(queue.snapshot().activeUntil).toBe(t0 + 8000);
  });

  it('publishes the presentation of the active alert and asks for it once per play', () => {
    const asked: string[] = [];
    const present = (a: Alert): AlertPresentation => {
      asked.push(a.id);
      return {
        variationId: null,
        text: `shown ${a.id}`,
        image: null,
        sound: null,
        durationMs: 8000,
        enter: 'fade',
        exit: 'fade',
        layout: 'image-above',
        speech: null,
      };
    };
    const { clock, queue } = setup({ present });
    queue.enqueue(alert('a'));
    queue.enqueue(alert('b'));
    expect(queue.snapshot().presentation?.text).toBe('shown a');
    clock.advance(8000);
    expect(queue.snapshot().presentation?.text).toBe('shown b');
    clock.advance(8000);
    expect(queue.snapshot().presentation).toBeNull();
    expect(asked).toEqual(['a', 'b']);
  });
});
