import type { AlertControl, AlertControlResult, ModPush } from '../../../shared/api';
import type { AlertApprovalItem } from '../../../shared/alert-box/approval-types';
import { presentAlert } from '../../../shared/alert-box/presentation';
import { warmUpNumberFormats } from '../../../shared/alert-box/template';
import { ANIMATION_MS } from '../../../shared/alert-box/types';
import type { AlertQueueState } from '../../../shared/alert-queue-state';
import type { Alert, SourceRef } from '../../../shared/events';
import type { Settings } from '../../../shared/settings';
import type { Clock } from '../clock';
import { AlertApprovalGate } from './alert-approval';
import { createAlertQueue } from './alert-queue';
import { listMediaFiles } from './media-folder';
import { buildSampleAlert, fitSampleTo, TEST_ALERT_PREFIX } from './sample-alerts';

export interface AlertServiceOptions {
  clock: Clock;
  settings: () => Settings;
  /** A push shaped for the mod console; the hub sends the overlays only their share (none of the approvals). */
  broadcast: (push: ModPush) => void;
  /** Where test alerts say they came from. */
  testSource: () => SourceRef | undefined;
}

export interface AlertService {
  /** A new (de-duplicated) alert from a source: minimums, then approval, then the queue. */
  admit(alert: Alert): void;
  control(control: AlertControl): Promise<AlertControlResult>;
  queueState(): AlertQueueState;
  approvals(): AlertApprovalItem[];
  stop(): void;
}

export function passesMinimums(alert: Alert, settings: Settings): boolean {
  if (alert.alertType === 'cheer' && (alert.bits ?? 0) < settings.alerts.minBits) return false;
  // The threshold is a plain number in any currency; comparing through Number() is exact enough for it.
  if (alert.alertType === 'donation' && Number(alert.amount?.value ?? 0) < settings.alerts.minDonation)
    return false;
  return true;
}

/** The alert box behind the console's alert controls: minimums, approval, queue and presentation. */
export function createAlertService(options: AlertServiceOptions): AlertService {
  const { clock, settings } = options;
  warmUpNumberFormats();
  const present = (alert: Alert) => presentAlert(alert, settings().alerts);
  const queue = createAlertQueue({
    clock,
    durationMs: (alert) => present(alert).durationMs,
    present,
    exitMs: ANIMATION_MS,
    onChange: (state) => options.broadcast({ type: 'alerts', alerts: state }),
    filter: (alert) => passesMinimums(alert, settings()),
  });
  const gate = new AlertApprovalGate({
    clock,
    settings: () => settings().alerts.approval,
    release: (alert) => void queue.enqueue(alert),
    onChange: (approvals) => options.broadcast({ type: 'alertApprovals', approvals }),
  });
  let testSerial = 0;

  const placementOf = (alertId: string): 'queued' | 'shown' | 'filtered' => {
    const state = queue.snapshot();
    if (state.active?.id === alertId) return 'shown';
    return state.queued.some((alert) => alert.id === alertId) ? 'queued' : 'filtered';
  };

  const test = (control: Extract<AlertControl, { command: 'test' }>): AlertControlResult => {
    const source = options.testSource() ?? { sourceId: 'onair', provider: 'demo', channel: 'test' };
    testSerial += 1;
    // A distinct prefix from the queue's own test ids, so the two counters never collide.
    const id = `${TEST_ALERT_PREFIX}console-${testSerial}`;
    let alert = buildSampleAlert(control.alertType, source, id, clock.now());
    if (control.variationId) {
      const variation = settings().alerts.types[control.alertType]?.variations.find(
        (item) => item.id === control.variationId,
      );
      if (!variation) return { ok: false, code: 'not-found', message: 'No such variation (save it first).' };
      alert = fitSampleTo(alert, variation.when);
    }
    const placement = gate.submit(alert) === 'held' ? 'held' : placementOf(id);
    const detail = { held: 'Held for approval', queued: 'Queued', shown: 'Shown now', filtered: 'Dropped' };
    return { ok: true, local: true, alertId: id, placement, detail: detail[placement] };
  };

  const control = async (command: AlertControl): Promise<AlertControlResult> => {
    switch (command.command) {
      case 'pause':
        queue.pause();
        break;
      case 'resume':
        queue.resume();
        break;
      case 'skip':
        queue.skip();
        break;
      case 'replay':
        if (!queue.replay(command.alertId))
          return { ok: false, code: 'not-found', message: 'That alert is no longer in the history.' };
        break;
      case 'test':
        return test(command);
      case 'decide':
        if (!gate.decide(command.alertId, command.decision))
          return { ok: false, code: 'not-found', message: 'That alert is no longer waiting for approval.' };
        break;
      case 'listMedia':
        return { ok: true, local: true, media: await listMediaFiles(settings().alerts.mediaFolder) };
    }
    return { ok: true, local: true };
  };

  return {
    admit: (alert) => {
      if (passesMinimums(alert, settings())) gate.submit(alert);
    },
    control,
    queueState: () => queue.snapshot(),
    approvals: () => gate.list(),
    stop: () => {
      gate.stop();
      queue.stop();
    },
  };
}
