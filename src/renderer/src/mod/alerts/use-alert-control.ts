import { useCallback } from 'react';
import type { AlertControl, AlertControlResult } from '../../../../shared/api';
import { useRunAction } from '../use-actions';

/** Sends one alert-queue command and toasts its outcome; returns the result (test placement, media list). */
export function useAlertControl(): (label: string, control: AlertControl) => Promise<AlertControlResult> {
  const run = useRunAction(true);
  return useCallback(
    async (label, control) =>
      (await run(label, (bridge) => bridge.request('alertControl', control))) as AlertControlResult,
    [run],
  );
}
