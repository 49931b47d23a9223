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
    const token = (await this.readAll())[sourceId];
    return typeof token === 'string' && token ? token : null;
  }

  async set(sourceId: string, token: string | null): Promise<void> {
    const all = await this.readAll();
    if (token) all[sourceId] = token;
    else delete all[sourceId];
    await this.store.save(JSON.stringify(all));
  }

  private async readAll(): Promise<Record<string, unknown>> {
    try {
      const raw = await this.store.load();
      const parsed: unknown = raw ? JSON.parse(raw) : {};
      return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : {};
    } catch (error) {
      this.log.warn('the source token store is unreadable; treating it as empty', error);
      return {};
    }
  }
}
