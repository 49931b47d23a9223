export interface HelixUser {
  id: string;
  login: string;
  displayName: string;
}

const MAX_USERS = 2000;

/**
 * Login ↔ id lookups are asked for on every moderation click; users rarely change, so they are cached for the
 * session (bounded). Concurrent lookups of the same key share one request; misses are not cached.
 */
export class UserCache {
  private readonly byLoginMap = new Map<string, HelixUser>();
  private readonly byIdMap = new Map<string, HelixUser>();
  private readonly inFlight = new Map<string, Promise<HelixUser | null>>();

  constructor(
    private readonly fetchUsers: (q: { ids: string[]; logins: string[] }) => Promise<HelixUser[]>,
  ) {}

  byLogin(login: string): Promise<HelixUser | null> {
    const key = login.trim().toLowerCase().replace(/^#/, '');
    const hit = this.byLoginMap.get(key);
    if (hit) return Promise.resolve(hit);
    return this.lookup(`login:${key}`, { ids: [], logins: [key] });
  }

  byId(id: string): Promise<HelixUser | null> {
    const hit = this.byIdMap.get(id);
    if (hit) return Promise.resolve(hit);
    return this.lookup(`id:${id}`, { ids: [id], logins: [] });
  }

  /** Many logins at once: cached ones answer locally, the rest go out in batches of 100. */
  async byLogins(logins: string[]): Promise<HelixUser[]> {
    const keys = [...new Set(logins.map((l) => l.trim().toLowerCase().replace(/^#/, '')).filter(Boolean))];
    const missing = keys.filter((k) => !this.byLoginMap.has(k));
    for (let i = 0; i < missing.length; i += 100) {
      const users = await this.fetchUsers({ ids: [], logins: missing.slice(i, i + 100) });
      users.forEach((u) => this.remember(u));
    }
    return keys.flatMap((k) => {
      const user = this.byLoginMap.get(k);
      return user ? [user] : [];
    });
  }

  remember(user: HelixUser): void {
    if (this.byIdMap.size >= MAX_USERS) {
      this.byIdMap.clear();
      this.byLoginMap.clear();
    }
    this.byIdMap.set(user.id, user);
    this.byLoginMap.set(user.login.toLowerCase(), user);
  }

  private lookup(key: string, query: { ids: string[]; logins: string[] }): Promise<HelixUser | null> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const promise = this.fetchUsers(query)
      .then((users) => {
        users.forEach((u) => this.remember(u));
        return users[0] ?? null;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }
}
