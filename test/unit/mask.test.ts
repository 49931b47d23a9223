import { describe, expect, it } from 'vitest';
import { maskSecrets, registerSecret } from '../../src/main/core/log/mask';
import { createLogger, memorySink } from '../../src/main/core/log/logger';

describe('secret masking', () => {
  it('masks token shapes even before a secret is registered', () => {
    expect(maskSecrets('PASS oauth:abc123xyz')).toBe('PASS oauth:***');
    expect(maskSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer ***');
    expect(maskSecrets('{"access_token":"zzz","refresh_token":"yyy"}')).toBe(
      '{"access_token":"***","refresh_token":"***"}',
    );
    expect(maskSecrets('http://127.0.0.1/mod?secret=s3cr3t&x=1')).toBe('http://127.0.0.1/mod?secret=***&x=1');
  });

  it('masks registered secrets wherever they appear', () => {
    registerSecret('my-very-secret-token');
    const { sink, records } = memorySink();
    createLogger(sink, 'debug', 't').error('failed with my-very-secret-token inside', {
      t: 'my-very-secret-token',
    });
    expect(records[0]?.message).not.toContain('my-very-secret-token');
  });
});
