import type { Logger } from '../log/logger';
import type { SecretStore } from './twitch/auth/secret-store';

/**
 * Per-source secret tokens (ChatKC), kept in one secret store as a JSON object `{ [sourceId]: token }` — never
 * in settings.json.
 */
export class SourceTokens {
  constructor(
    private readonly store: SecretStore,
    private readonly log: Logger,
  ) {}

  async get(sourceId: string): Promise<string | null> {
    const token = (await this.readAll()).get(sourceId);
    return typeof token === 'string' && token ? token : null;
  }

  async set(sourceId: string, token: string | null): Promise<void> {
    const all = await this.readAll();
    if (token) all.set(sourceId, token);
    else all.delete(sourceId);
    // fromEntries defines own properties, so even an id such as `__proto__` is stored as data.
    await this.store.save(JSON.stringify(Object.fromEntries(all)));
  }

  /** A Map: source ids are user-chosen, and `__proto__` must not reach a plain object's prototype. */
  private async readAll(): Promise<Map<string, unknown>> {
    try {
      const raw = await this.store.load();
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? new Map(Object.entries(parsed))
        : new Map();
    } catch (error) {
      this.log.warn('the source token store is unreadable; treating it as empty', error);
      return new Map();
    }
  }
}
