import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonc } from '../../src/main/core/settings/jsonc';
import { removeStaleTempFiles } from '../../src/main/core/storage/atomic-write';

describe('JSONC settings text', () => {
  it('strips comments and trailing commas, never inside strings', () => {
    const text = `{
      "a": "x // y /* z */", // line
      "b": "quote \\" , ]", /* block
      over lines */ "c": [1, 2, ],
      "d": "😀,}",
    }`;
    expect(parseJsonc(text)).toEqual({ a: 'x // y /* z */', b: 'quote " , ]', c: [1, 2], d: '😀,}' });
  });

  it('still refuses what is not JSON, with the position of the fault', () => {
    expect(() => parseJsonc('{"a": 1 /* c */ "b": 2}')).toThrow(SyntaxError);
    expect(() => parseJsonc('{"a": [1,,]}')).toThrow(/position|JSON/);
    expect(() => parseJsonc('{"a": 1} /* unterminated')).not.toThrow();
  });
});

describe('removeStaleTempFiles', () => {
  it('removes only our temp pattern, for our file names, in that folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'onair-temp-'));
    const names = [
      'settings.json.3fa2c19b04de.tmp', // ours: removed
      'settings.json.0123456789ab.tmp', // ours: removed
      'twitch-secrets.json.aaaaaaaaaaaa.tmp', // ours: removed
      'settings.json', // the file itself
      'settings.json.broken-2025-01-01T00-00-00-000Z',
      'settings.json.3FA2C19B04DE.tmp', // not our pattern (upper case)
      'settings.json.3fa2c19b04.tmp', // not our pattern (10 hex)
      'notes.txt.3fa2c19b04de.tmp', // not one of our files
      'other.json.3fa2c19b04de.tmp',
    ];
    for (const name of names) await writeFile(join(dir, name), 'x');
    await mkdir(join(dir, 'settings.json.bbbbbbbbbbbb.tmp')); // a folder with the name: left alone

    const removed = await removeStaleTempFiles([
      join(dir, 'settings.json'),
      join(dir, 'twitch-secrets.json'),
    ]);
    expect(removed.map((p) => p.slice(dir.length + 1)).sort()).toEqual(names.slice(0, 3).sort());
    expect((await readdir(dir)).sort()).toEqual([...names.slice(3), 'settings.json.bbbbbbbbbbbb.tmp'].sort());
  });

  it('skips a folder that does not exist', async () => {
    expect(await removeStaleTempFiles([join(tmpdir(), 'onair-no-such-dir', 'settings.json')])).toEqual([]);
  });
});
