import { createContext, useCallback, useContext } from 'react';
import type { ActionResult, ModAction, ModBridge } from '../../../shared/api';
import type { Capability, SourceStatus } from '../../../shared/events';
import type { NoteTone } from '../store/action-notes-slice';
import { useModBridge, useModStore } from '../store/store-context';

export function can(status: SourceStatus | undefined, capability: Capability): boolean {
  return !!status && status.capabilities.includes(capability);
}

/**
 * Where results of actions started inside a part of the console appear (see action-notes-slice.ts). Panels
 * need not know: ModApp puts the side panel, the chat column and the user card each in their own scope.
 */
export const NoteScopeContext = createContext('side');

/** One sentence for an action's result, saying plainly when it only changed what OnAir shows. */
export function describeResult(
  label: string,
  result: ActionResult,
  localIsNormal = false,
): { tone: Exclude<NoteTone, 'pending'>; text: string } {
  if (!result.ok) return { tone: 'error', text: `${label} failed: ${result.message}` };
  const detail = result.detail ? ` (${result.detail})` : '';
  if (result.local && !localIsNormal) {
    return { tone: 'local', text: `${label}: done in OnAir only, the service was not told${detail}.` };
  }
  return { tone: 'ok', text: result.detail ? `${label}: ${result.detail}` : `${label}: done.` };
}

export type DescribeResult = typeof describeResult;

type RunAction = (
  label: string,
  call: (bridge: ModBridge) => Promise<ActionResult>,
  /** Overrides the surrounding NoteScopeContext, e.g. `line:<key>` for the chat line acted on. */
  scope?: string,
) => Promise<ActionResult>;

/**
 * Runs a request and shows its outcome where it was started: "…" while it runs, then success, 'local only',
 * or the service's error text (errors stay until dismissed). Returns the result so callers can react (close a
 * dialog, clear an input). `localIsNormal` is for requests that only ever concern OnAir itself (alert queue,
 * settings), where 'local' is not worth a warning.
 */
export function useRunAction(localIsNormal = false, describe: DescribeResult = describeResult): RunAction {
  const bridge = useModBridge();
  const contextScope = useContext(NoteScopeContext);
  const putNote = useModStore((state) => state.putNote);
  const settleNote = useModStore((state) => state.settleNote);
  return useCallback(
    async (label, call, scope = contextScope) => {
      const id = putNote(scope, 'pending', `${label}…`);
      let result: ActionResult;
      try {
        result = await call(bridge);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        result = { ok: false, code: 'internal', message };
      }
      const { tone, text } = describe(label, result, localIsNormal);
      settleNote(id, scope, tone, text);
      return result;
    },
    [bridge, contextScope, putNote, settleNote, localIsNormal, describe],
  );
}

/** Shorthand for `act` requests. */
export function useAct(): (label: string, action: ModAction, scope?: string) => Promise<ActionResult> {
  const run = useRunAction();
  return useCallback(
    (label, action, scope) => run(label, (bridge) => bridge.request('act', action), scope),
    [run],
  );
}
