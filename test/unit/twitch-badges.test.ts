import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/main/core/log/logger';
import {
  TwitchBadgeCatalogue,
  loadBadgeCache,
  parseBadgeSets,
  saveBadgeCache,
} from '../../src/main/core/providers/twitch/badges';
import type { Badge } from '../../src/shared/events';
import { badgeLabel, clampWords } from '../../src/renderer/src/common/badge-label';
import { FakeClock } from '../helpers/fake-clock';

const GLOBAL = JSON.parse(
  await readFile(join(import.meta.dirname, '../fakes/twitch-api/helix-badges-global.json'), 'utf8'),
) as { data: unknown[] };

const version = (id: string, uuid = '743a0f3b-84b3-450b-96a0-503d7f4a9764', title = 'T') => ({
  id,
  image_url_1x: `https://static-cdn.jtvnw.net/badges/v1/${uuid}/1`,
  image_url_2x: `https://static-cdn.jtvnw.net/badges/v1/${uuid}/2`,
  image_url_4x: `https://static-cdn.jtvnw.net/badges/v1/${uuid}/3`,
  title,
  description: title,
  click_action: null,
  click_url: null,
});

describe('parseBadgeSets (Helix chat/badges bodies)', () => {
  it('reads a real global answer: every set, Maps keyed by set id and version', () => {
    const parsed = parseBadgeSets(GLOBAL)!;
    expect(parsed.dropped).toBe(0);
    expect(parsed.table.size).toBe(18);
    expect(parsed.table.get('moderator')?.get('1')).toEqual({
      url1x: 'https://static-cdn.jtvnw.net/badges/v1/3267646d-33f0-4b17-b3df-f923a41db1d0/1',
      url2x: 'https://static-cdn.jtvnw.net/badges/v1/3267646d-33f0-4b17-b3df-f923a41db1d0/2',
      url4x: 'https://static-cdn.jtvnw.net/badges/v1/3267646d-33f0-4b17-b3df-f923a41db1d0/3',
      title: 'Moderator',
    });
  });

  it('keeps hostile set and version ids as plain keys (no prototype member answers)', () => {
    const body = {
      data: [
        { set_id: '__proto__', versions: [version('constructor', undefined, 'Proto')] },
        { set_id: 'toString', versions: [version('__proto__')] },
      ],
    };
    const { table, dropped } = parseBadgeSets(body)!;
    expect(dropped).toBe(0);
    expect(table.get('__proto__')?.get('constructor')?.title).toBe('Proto');
    expect(table.get('toString')?.get('__proto__')?.url1x).toMatch(/^https:/);
    expect(table.get('hasOwnProperty')).toBeUndefined();
    expect(({} as Record<string, unknown>).constructor).toBe(Object); // nothing polluted
  });

  it('drops and counts bad sets and versions, keeps the good ones', () => {
    const body = {
      data: [
        null,
        { set_id: '', versions: [version('1')] },
        { set_id: 'x', versions: 'nope' },
        {
          set_id: 'vip',
          versions: [
            version('1'),
            { ...version('2'), image_url_1x: 'javascript:alert(1)' },
            { ...version('3'), image_url_1x: 'http://static-cdn.jtvnw.net/badges/v1/a/1' },
            { ...version('4'), id: 7 },
            { ...version('5'), image_url_2x: 'data:image/png;base64,AAAA' },
          ],
        },
      ],
    };
    const { table, dropped } = parseBadgeSets(body)!;
    expect(dropped).toBe(6);
    expect([...table.get('vip')!.keys()]).toEqual(['1', '5']);
    expect(table.get('vip')!.get('5')!.url2x).toBeUndefined(); // only https reaches an <img>
    expect(parseBadgeSets({ error: 'Unauthorized' })).toBeNull();
    expect(parseBadgeSets('[]')).toBeNull();
  });
});

describe('the badge cache file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onair-badge-cache-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('round-trips global and channel lists', async () => {
    const path = join(dir, 'twitch-badges.json');
    const channel = parseBadgeSets({ data: [{ set_id: 'subscriber', versions: [version('0')] }] })!;
    const global = parseBadgeSets(GLOBAL)!;
    await saveBadgeCache(path, {
      global: { table: global.table, fetchedAt: 5 },
      channels: new Map([['1001', { table: channel.table, fetchedAt: 6 }]]),
    });
    const loaded = await loadBadgeCache(path);
    expect(loaded.problem).toBeUndefined();
    expect(loaded.dropped).toBe(0);
    expect(loaded.global).toEqual({ table: global.table, fetchedAt: 5 });
    expect(loaded.channels.get('1001')).toEqual({ table: channel.table, fetchedAt: 6 });
  });

  it('a missing file is an empty cache; a corrupt one is reported, never thrown', async () => {
    expect(await loadBadgeCache(join(dir, 'none.json'))).toEqual({
      global: null,
      channels: new Map(),
      dropped: 0,
    });
    for (const text of ['{"format":1,"glo', '[]', 'null', '{"format":99}']) {
      await writeFile(join(dir, 'bad.json'), text);
      const loaded = await loadBadgeCache(join(dir, 'bad.json'));
      expect(loaded.problem).toMatch(/damaged/);
      expect(loaded.global).toBeNull();
    }
    const partly = {
      format: 1,
      global: { fetchedAt: 'x', sets: GLOBAL },
      channels: [{ broadcasterId: '__proto__', fetchedAt: 1, sets: GLOBAL }, { broadcasterId: '7' }],
    };
    await writeFile(join(dir, 'partly.json'), JSON.stringify(partly));
    const loaded = await loadBadgeCache(join(dir, 'partly.json'));
    expect(loaded).toMatchObject({ global: null, dropped: 3 });
    expect(loaded.channels.size).toBe(0);
  });

  it('the catalogue starts from a corrupt file with no images, and decorates from a good one', async () => {
    const path = join(dir, 'twitch-badges.json');
    await writeFile(path, '\u0000\u0001garbage');
    const options = { path, clock: new FakeClock(), log: silentLogger, helix: () => null, notify: () => {} };
    const broken = new TwitchBadgeCatalogue(options);
    await broken.load();
    const badges: Badge[] = [{ setId: 'moderator', version: '1', title: 'Moderator' }];
    broken.decorate(badges, '1001');
    expect(badges[0]!.imageUrl).toBeUndefined();

    const global = parseBadgeSets(GLOBAL)!;
    const channel = parseBadgeSets({
      data: [{ set_id: 'subscriber', versions: [version('0', undefined, 'Sub')] }],
    })!;
    await saveBadgeCache(path, {
      global: { table: global.table, fetchedAt: 0 },
      channels: new Map([['1001', { table: channel.table, fetchedAt: 0 }]]),
    });
    const catalogue = new TwitchBadgeCatalogue(options);
    await catalogue.load();
    const line: Badge[] = [
      { setId: 'subscriber', version: '0', info: '14', title: 'Subscriber (14 months)' },
      { setId: '__proto__', version: '1', title: 'Proto' },
    ];
    catalogue.decorate(line, '1001');
    expect(line[0]).toMatchObject({
      imageUrl: expect.stringContaining('743a0f3b'),
      title: 'Sub (14 months)',
    });
    expect(line[1]!.imageUrl).toBeUndefined();
    const other: Badge[] = [{ setId: 'subscriber', version: '0', title: 'Subscriber' }];
    catalogue.decorate(other, '2002'); // another channel: the global subscriber badge
    expect(other[0]!.imageUrl).toBe(global.table.get('subscriber')!.get('0')!.url1x);
  });
});

describe('badge pill labels (no image)', () => {
  const label = (setId: string, version = '1', extra: Partial<Badge> = {}) =>
    badgeLabel({ setId, version, title: '', ...extra });

  it('are readable words, never truncated codes', () => {
    expect(label('broadcaster')).toBe('Broadcaster');
    expect(label('moderator')).toBe('Moderator');
    expect(label('subscriber', '24', { info: '24' })).toBe('Subscriber 24 mo');
    expect(label('subscriber', '0')).toBe('Subscriber');
    expect(label('founder', '0', { info: '3' })).toBe('Founder 3 mo');
    expect(label('bits', '1000')).toBe('Bits 1000');
    expect(label('premium')).toBe('Prime');
    expect(label('partner')).toBe('Verified');
    expect(label('no_audio')).toBe('No audio');
    expect(label('no_video')).toBe('No video');
    expect(label('predictions', 'blue-1')).toBe('Predictions: blue');
    expect(label('artist-badge')).toBe('Artist');
    expect(label('admin')).toBe('Admin');
  });

  it('use the title for unknown sets, else the set id in words', () => {
    expect(label('glitchcon2020', '1', { title: 'GlitchCon 2020' })).toBe('GlitchCon 2020');
    expect(label('clip-champ_2024')).toBe('Clip champ 2024');
  });

  it('cut long names after a whole word', () => {
    expect(clampWords('Overwatch League Insider Season 2019 Stage A')).toBe('Overwatch League…');
    // One long word is kept whole (a cut word is unreadable); nothing was left out, so no ellipsis.
    expect(clampWords('Supercalifragilisticexpialidocious-and-more')).toBe(
      'Supercalifragilisticexpialidocious-and-more',
    );
  });
});
