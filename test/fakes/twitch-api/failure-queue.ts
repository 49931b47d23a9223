export interface ScriptedFailure {
  method: string;
  pathPrefix: string;
  status: number;
  message: string;
}

/** `failNext(...)`: the next matching request (method + path prefix) answers with this error, once. */
export class FailureQueue {
  private readonly queue: ScriptedFailure[] = [];

  add(failure: ScriptedFailure): void {
    this.queue.push({ ...failure, method: failure.method.toUpperCase() });
  }

  take(method: string, path: string): ScriptedFailure | null {
    const index = this.queue.findIndex(
      (f) => f.method === method.toUpperCase() && path.startsWith(f.pathPrefix),
    );
    if (index < 0) return null;
    return this.queue.splice(index, 1)[0] ?? null;
  }
}
