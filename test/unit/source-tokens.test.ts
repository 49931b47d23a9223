import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import { SourceTokens } from '../../src/main/core/providers/source-tokens';
import type { SecretStore } from '../../src/main/core/providers/twitch/auth/secret-store';

/** A secret store in memory: what was saved is what loads. */
function memoryStore(): SecretStore {
  let value: string | null = null;
  return {
    load: async () => value,
    save: async (text: string) => {
      value = text;
    },
    clear: async () => {
      value = null;
    },
  };
}

describe('SourceTokens', () => {
  it('keeps a token per source id, even for ids that are Object.prototype members', async () => {
    const store = memoryStore();
    const tokens = new SourceTokens(store, silentLogger);
    for (const id of ['chat', '__proto__', 'constructor', 'toString']) await tokens.set(id, `token-${id}`);
    // A fresh instance reads the stored file, as after a restart.
    const again = new SourceTokens(store, silentLogger);
    for (const id of ['chat', '__proto__', 'constructor', 'toString'])
      expect(await again.get(id)).toBe(`token-${id}`);
    await again.set('__proto__', null);
    expect(await again.get('__proto__')).toBeNull();
    expect(await again.get('chat')).toBe('token-chat');
    expect(await again.get('hasOwnProperty')).toBeNull();
  });
});
