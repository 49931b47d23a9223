import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger, memorySink } from '../../src/main/core/log/logger';
import { oauthErrorMessage } from '../../src/main/core/providers/twitch/auth/oauth-client';
import { createFileSecretStore } from '../../src/main/core/providers/twitch/auth/secret-store';
import { parseStoredLogin, serializeLogin } from '../../src/main/core/providers/twitch/auth/stored-login';

describe('file secret store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onair-store-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('writes atomically with mode 0600 and reads back', async () => {
    const path = join(dir, 'nested', 'twitch.json');
    const store = createFileSecretStore(path);
    expect(await store.load()).toBeNull();
    await store.save('{"a":1}');
    await store.save('{"a":2}');
    expect(await store.load()).toBe('{"a":2}');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(join(dir, 'nested'))).toEqual(['twitch.json']); // no temp files left
    await store.clear();
    expect(await store.load()).toBeNull();
    await store.clear(); // clearing twice is fine
  });

  it('an unreadable file is null plus a warning, never a throw', async () => {
    const path = join(dir, 'twitch.json');
    await mkdir(path); // reading a directory fails with EISDIR
    const logs = memorySink();
    const store = createFileSecretStore(path, createLogger(logs.sink));
    expect(await store.load()).toBeNull();
    expect(logs.records.map((r) => r.level)).toEqual(['warn']);
  });

  it('a missing file is null without a warning', async () => {
    const logs = memorySink();
    expect(await createFileSecretStore(join(dir, 'none.json'), createLogger(logs.sink)).load()).toBeNull();
    expect(logs.records).toEqual([]);
  });

  it('an empty file counts as no login', async () => {
    const path = join(dir, 'empty.json');
    await writeFile(path, '');
    expect(await createFileSecretStore(path).load()).toBeNull();
  });
});

describe('stored login format', () => {
  const token = {
    accessToken: 'abcdefabcdef',
    userId: '1',
    login: 'me',
    scopes: ['chat:read'],
    clientId: 'cid',
    expiresAt: 123,
  };

  it('round-trips', () => {
    const login = { token, refreshToken: 'refreshrefresh' };
    expect(parseStoredLogin(serializeLogin(login))).toEqual(login);
  });

  it.each([
    ['not json', '{oops'],
    ['an array', '[]'],
    ['another version', JSON.stringify({ v: 2, accessToken: 'x' })],
    ['no access token', JSON.stringify({ v: 1, userId: '1', login: 'a', clientId: 'c' })],
    ['a number for login', JSON.stringify({ v: 1, accessToken: 'x', userId: '1', login: 5, clientId: 'c' })],
  ])('rejects %s', (_what, text) => {
    expect(parseStoredLogin(text)).toBeNull();
  });

  it('tolerates missing optional fields', () => {
    const text = JSON.stringify({
      v: 1,
      accessToken: 'tok',
      userId: '',
      login: '',
      clientId: 'c',
      scopes: [1, 'a'],
    });
    expect(parseStoredLogin(text)).toEqual({
      token: { accessToken: 'tok', userId: '', login: '', clientId: 'c', scopes: ['a'], expiresAt: null },
      refreshToken: null,
    });
  });
});

describe('OAuth error parsing', () => {
  it('reads Twitch’s `message` first, then RFC `error_description`/`error`', () => {
    expect(oauthErrorMessage({ status: 400, message: 'authorization_pending' }, 400)).toBe(
      'authorization_pending',
    );
    expect(oauthErrorMessage({ error: 'slow_down' }, 400)).toBe('slow_down');
    expect(
      oauthErrorMessage({ error: 'invalid_grant', error_description: 'Invalid refresh token' }, 400),
    ).toBe('Invalid refresh token');
    expect(oauthErrorMessage(null, 502)).toBe('HTTP 502');
    expect(oauthErrorMessage({ message: 42 }, 400)).toBe('HTTP 400');
  });
});
