import {
  modRequestSchemas,
  type ModHandlers,
  type ModMethod,
  type ModParams,
  type ModResults,
} from '../../../shared/api';
import { isModMethod } from '../../../shared/ipc';
import type { Logger } from '../log/logger';
import { describeUntrusted, exceedsRequestBounds } from './bounds';

/**
 * The one request path of the mod console, shared by the Electron IPC bridge (src/main/ipc/bridge-ipc.ts) and
 * the headless WebSocket bridge (src/main/headless/view-connection.ts). Everything a client sends is
 * `unknown`: the method must be a contract method, the params must be within size bounds and pass the
 * method's schema, and only then does the core's handler run. Never throws and never rejects: every request
 * ends in a result or in an error text safe to show to the client.
 */

/** Why a request was not answered with a result. */
export type RequestRefusal = 'unknown-method' | 'too-large' | 'bad-params' | 'failed';

export type RequestOutcome<R> =
  { ok: true; result: R } | { ok: false; refusal: RequestRefusal; error: string };

export interface RequestDispatcher {
  /** A request straight off the wire: the method name is untrusted too. */
  dispatch(method: unknown, params: unknown): Promise<RequestOutcome<ModResults[ModMethod]>>;
  /** A request for a method its channel already names (one IPC channel per method). */
  run<M extends ModMethod>(method: M, params: unknown): Promise<RequestOutcome<ModResults[M]>>;
}

type Parsed<M extends ModMethod> =
  { ok: true; params: ModParams<M> } | { ok: false; refusal: RequestRefusal; error: string };

/** Bounds first, then the schema; the error names the first failing field. */
export function parseParams<M extends ModMethod>(method: M, params: unknown): Parsed<M> {
  const tooBig = exceedsRequestBounds(params);
  if (tooBig) return { ok: false, refusal: 'too-large', error: `bad params for ${method}: ${tooBig}` };
  const parsed = modRequestSchemas[method].safeParse(params);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.map(String).join('.') || 'params';
  const error = `bad params for ${method}: ${where}: ${issue?.message ?? 'invalid'}`;
  return { ok: false, refusal: 'bad-params', error };
}

export function createRequestDispatcher(handlers: ModHandlers, log: Logger): RequestDispatcher {
  const run = async <M extends ModMethod>(
    method: M,
    params: unknown,
  ): Promise<RequestOutcome<ModResults[M]>> => {
    try {
      const parsed = parseParams(method, params);
      if (!parsed.ok) return parsed;
      const handler: ModHandlers[M] = handlers[method];
      return { ok: true, result: await handler(parsed.params) };
    } catch (error) {
      log.error(`${method} failed`, error);
      return { ok: false, refusal: 'failed', error: `${method} failed inside OnAir (see the log)` };
    }
  };
  return {
    run,
    dispatch: async (method, params) => {
      if (!isModMethod(method)) {
        return {
          ok: false,
          refusal: 'unknown-method',
          error: `unknown method: ${describeUntrusted(method)}`,
        };
      }
      return run(method, params);
    },
  };
}
