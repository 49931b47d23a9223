import { useCallback } from 'react';
import type { ActionResult, ModAction, ModBridge } from '../../../shared/api';
import type { Capability, SourceStatus } from '../../../shared/events';
import { useModBridge, useModStore } from '../store/store-context';

export function can(status: SourceStatus | undefined, capability: Capability): boolean {
  return !!status && status.capabilities.includes(capability);
}

/** Human text for an action's result, saying plainly when it only changed what OnAir shows. */
export function describeResult(
  label: string,
  result: ActionResult,
  localIsNormal = false,
): { tone: 'ok' | 'local' | 'error'; text: string } {
  if (!result.ok) return { tone: 'error', text: `${label} failed: ${result.message}` };
  const detail = result.detail ? ` — ${result.detail}` : '';
  if (result.local && !localIsNormal) {
    return { tone: 'local', text: `${label}: local only — done in OnAir, the service was not told${detail}` };
  }
  return { tone: 'ok', text: `${label}: done${detail}` };
}

type RunAction = (label: string, call: (bridge: ModBridge) => Promise<ActionResult>) => Promise<ActionResult>;

/**
 * Runs a request and shows its outcome as a toast (success, 'local only', or the error text).
 * Returns the result so callers can react (close a dialog, clear an input). `localIsNormal` is for requests
 * that only ever concern OnAir itself (alert queue, settings), where 'local' is not worth a warning.
 */
export function useRunAction(localIsNormal = false): RunAction {
  const bridge = useModBridge();
  const pushToast = useModStore((state) => state.pushToast);
  return useCallback(
    async (label, call) => {
      let result: ActionResult;
      try {
        result = await call(bridge);
      } catch (error) {
        result = {
          ok: false,
          code: 'internal',
          message: error instanceof Error ? error.message : String(error),
        };
      }
      const { tone, text } = describeResult(label, result, localIsNormal);
      pushToast(tone, text);
      return result;
    },
    [bridge, pushToast, localIsNormal],
  );
}

/** Shorthand for `act` requests. */
export function useAct(): (label: string, action: ModAction) => Promise<ActionResult> {
  const run = useRunAction();
  return useCallback((label, action) => run(label, (bridge) => bridge.request('act', action)), [run]);
}
