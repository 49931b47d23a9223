import type { ActionResult, ErrorCode } from '../../../../shared/api';
import { lookupTable } from '../../../../shared/lookup';
import type { Clock, TimerHandle } from '../../clock';
import { serverMessageToText } from './html-text';
import { NAME_ERRORS, statusNotice } from './levels';
import type { ClientFrame } from './protocol';

/**
 * What answers a request: `chat` → our own `chat` echo then `accepted` (or a `servermsg` rejection, e.g. a
 * duplicate); `command` → `servermsg` then `accepted`; `delete` (`!rm`) → a `delete` event holding the id;
 * `userconf` → a `status`.
 */
export type Expectation = 'chat' | 'command' | 'delete' | 'userconf';

interface Pending {
  expect: Expectation;
  frame: ClientFrame;
  deleteId?: number;
  serverText: string | null;
  /** A `chat` request: the server broadcast our message (it publishes before it says `accepted`). */
  echoed: boolean;
  settled: boolean;
  resolve: (result: ActionResult) => void;
  timer: TimerHandle | null;
}

const formatDuration = (ms: number): string => (ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`);
const NOT_PUBLISHED = 'ChatKC took the message but did not publish it (its word filter dropped it).';
const fail = (code: ErrorCode, message: string): ActionResult => ({ ok: false, code, message });

/** Keyed by the server's `status` code: a Map, so `constructor` or `__proto__` are no error code. */
const STATUS_ERRORS = lookupTable<ErrorCode>({
  banned: 'forbidden',
  rename: 'forbidden',
  unauthenticated: 'unauthorized',
});

/** A command's `servermsg` answer as a typed result. */
export function commandResult(text: string | null): ActionResult {
  if (text === null) return { ok: true, local: false };
  if (/^(Couldn't find user|Failed to find user)/.test(text)) return fail('not-found', text);
  if (/^You don't have permission/.test(text)) return fail('forbidden', text);
  if (/^(Usage:|Don't know command|Failed to parse)/.test(text)) return fail('rejected', text);
  return { ok: true, local: false, detail: text };
}

/**
 * Requests to the server, answered one at a time: the protocol carries no request ids, so only one request
 * is in flight and every answer belongs to it. A request stays in flight until its last answer (`accepted`)
 * even when its result is known earlier, so late answers are never mistaken for the next request's.
 */
export class RequestQueue {
  private readonly waiting: Pending[] = [];
  private current: Pending | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly ackTimeoutMs: number,
    private readonly send: (frame: ClientFrame) => void,
  ) {}

  get depth(): number {
    return this.waiting.length + (this.current ? 1 : 0);
  }

  submit(expect: Expectation, frame: ClientFrame, deleteId?: number): Promise<ActionResult> {
    return new Promise((resolve) => {
      this.waiting.push({
        expect,
        frame,
        deleteId,
        serverText: null,
        echoed: false,
        settled: false,
        resolve,
        timer: null,
      });
      this.pump();
    });
  }

  onAccepted(): void {
    const c = this.current;
    if (!c) return;
    // `accepted` also follows messages the server dropped silently (word filter, too long): only the echo
    // of our own line proves it was published.
    if (c.expect === 'chat')
      this.settle(c, c.echoed ? { ok: true, local: false } : fail('rejected', NOT_PUBLISHED));
    else if (c.expect === 'command') this.settle(c, commandResult(c.serverText));
    else if (c.expect === 'delete')
      this.settle(c, fail('rejected', c.serverText ?? 'The server did not delete it'));
    else return;
    this.finish(c);
  }

  /** A live `chat` frame written by our own account. */
  onOwnChat(): void {
    if (this.current?.expect === 'chat') this.current.echoed = true;
  }

  onServerMessage(html: string): void {
    const c = this.current;
    if (!c || c.expect === 'userconf') return;
    const text = serverMessageToText(html);
    if (c.expect === 'chat') {
      this.settle(c, fail('rejected', text));
      this.finish(c);
      return;
    }
    c.serverText = c.serverText === null ? text : `${c.serverText}\n${text}`;
  }

  onDelete(ids: number[]): void {
    const c = this.current;
    if (c?.expect === 'delete' && c.deleteId !== undefined && ids.includes(c.deleteId)) {
      this.settle(c, { ok: true, local: false });
    }
  }

  onStatus(status: string): void {
    const c = this.current;
    if (!c) return;
    const error = STATUS_ERRORS.get(status);
    if (c.expect === 'userconf' && (status === 'setuserconf' || NAME_ERRORS.has(status))) {
      this.settle(
        c,
        status === 'setuserconf' ? { ok: true, local: false } : fail('rejected', statusNotice(status).text),
      );
      this.finish(c);
    } else if (error) {
      this.settle(c, fail(error, statusNotice(status).text));
      this.finish(c);
    }
  }

  /** The connection is gone: nothing queued can be answered any more. */
  failAll(message: string): void {
    const all = [...(this.current ? [this.current] : []), ...this.waiting.splice(0)];
    this.current = null;
    for (const p of all) {
      this.clock.clearTimeout(p.timer);
      this.settle(p, fail('offline', message));
    }
  }

  private pump(): void {
    if (this.current) return;
    const next = this.waiting.shift();
    if (!next) return;
    this.current = next;
    next.timer = this.clock.setTimeout(() => {
      this.settle(next, fail('offline', `ChatKC did not answer within ${formatDuration(this.ackTimeoutMs)}`));
      this.finish(next);
    }, this.ackTimeoutMs);
    this.send(next.frame);
  }

  private settle(p: Pending, result: ActionResult): void {
    if (p.settled) return;
    p.settled = true;
    p.resolve(result);
  }

  private finish(p: Pending): void {
    this.clock.clearTimeout(p.timer);
    if (this.current !== p) return;
    this.current = null;
    this.pump();
  }
}
