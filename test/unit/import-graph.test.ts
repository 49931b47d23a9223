import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findCycles,
  findLayerViolations,
  readImportGraph,
  type ImportGraph,
  type Layer,
} from '../helpers/import-graph';

/**
 * The layers of `src/`, lowest first. A file may import its own layer or a lower one, never a higher one
 * (docs/how-to-add.md lists where new code goes):
 *
 *   0 shared        the contract: event model, API, settings schema (imported by every process)
 *   1 core-base     clock, logger, the connection manager and socket helpers
 *   2 core-state    hub, alert queue, settings file, storage: what the core keeps, no provider knowledge
 *   3 provider-api  providers/source.ts: the interface every provider implements
 *   4 providers     providers/<service>/: twitch, chatkc, demo; a service never imports another service
 *   5 provider-set  providers/registry.ts + source-tokens.ts: the only files that know every provider
 *   6 core          source manager, handlers, createCore, core-types: the assembled core
 *   7 headless      headless mode: CLI and the 127.0.0.1 server (no Electron)
 *   8 shell         the Electron shell (src/main outside core/headless) and the preloads
 *
 * Islands: the renderer imports only shared + renderer; the preloads only shared + preload.
 */
const LAYERS: Layer[] = [
  { name: 'shared', rank: 0, paths: ['src/shared/'] },
  {
    name: 'core-base',
    rank: 1,
    paths: ['src/main/core/clock.ts', 'src/main/core/log/', 'src/main/core/net/'],
  },
  {
    name: 'core-state',
    rank: 2,
    paths: [
      'src/main/core/hub/',
      'src/main/core/alerts/',
      'src/main/core/settings/',
      'src/main/core/storage/',
    ],
  },
  { name: 'provider-api', rank: 3, paths: ['src/main/core/providers/source.ts'] },
  { name: 'providers', rank: 4, paths: ['src/main/core/providers/'], independentChildren: true },
  {
    name: 'provider-set',
    rank: 5,
    paths: ['src/main/core/providers/registry.ts', 'src/main/core/providers/source-tokens.ts'],
  },
  { name: 'core', rank: 6, paths: ['src/main/core/'] },
  { name: 'headless', rank: 7, paths: ['src/main/headless/'] },
  { name: 'shell', rank: 8, paths: ['src/main/'] },
  { name: 'preload', rank: 8, paths: ['src/preload/'], onlyFrom: ['shared'] },
  { name: 'renderer', rank: 9, paths: ['src/renderer/'], onlyFrom: ['shared'] },
];

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('import graph of src/', () => {
  const graph = readImportGraph(join(__dirname, '../..'));

  it('reads the real graph (sanity: known edges are there)', () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get('src/main/core/create-core.ts')).toContain('src/main/core/hub/hub.ts');
    expect(graph.get('src/main/core/providers/registry.ts')).toContain('src/main/core/providers/source.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('never imports from a lower layer into a higher one', () => {
    expect(findLayerViolations(graph, LAYERS)).toEqual([]);
  });
});

describe('the checks themselves (synthetic graphs)', () => {
  it('finds an injected cycle, however long, and a self-import', () => {
    const cycles = findCycles(
      graphOf({
        'src/shared/a.ts': ['src/shared/b.ts'],
        'src/shared/b.ts': ['src/shared/c.ts'],
        'src/shared/c.ts': ['src/shared/a.ts'],
        'src/shared/d.ts': ['src/shared/a.ts', 'src/shared/d.ts'],
      }),
    );
    expect(cycles).toEqual(
      expect.arrayContaining([
        ['src/shared/a.ts', 'src/shared/b.ts', 'src/shared/c.ts'],
        ['src/shared/d.ts'],
      ]),
    );
    expect(cycles).toHaveLength(2);
  });

  it('finds an upward import (the old registry → source-manager edge)', () => {
    const violations = findLayerViolations(
      graphOf({
        'src/main/core/providers/registry.ts': ['src/main/core/source-manager.ts'],
        'src/main/core/source-manager.ts': [],
      }),
      LAYERS,
    );
    expect(violations).toEqual([
      {
        from: 'src/main/core/providers/registry.ts',
        to: 'src/main/core/source-manager.ts',
        why: 'provider-set (layer 5) imports up into core (layer 6)',
      },
    ]);
  });

  it('finds the hub importing core types, a provider importing a sibling, and the renderer leaving its island', () => {
    const whys = findLayerViolations(
      graphOf({
        'src/main/core/hub/hub.ts': ['src/main/core/core-types.ts'],
        'src/main/core/core-types.ts': [],
        'src/main/core/providers/chatkc/x.ts': ['src/main/core/providers/twitch/irc/y.ts'],
        'src/main/core/providers/twitch/irc/y.ts': ['src/main/core/providers/twitch/account.ts'],
        'src/main/core/providers/twitch/account.ts': [],
        'src/renderer/src/store/z.ts': ['src/main/core/clock.ts'],
        'src/main/core/clock.ts': [],
        'src/elsewhere.ts': [],
      }),
      LAYERS,
    ).map((violation) => violation.why);
    expect(whys).toEqual([
      'core-state (layer 2) imports up into core (layer 6)',
      'src/main/core/providers/chatkc/ imports its sibling src/main/core/providers/twitch/',
      'renderer may import only shared, not core-base',
      'src/elsewhere.ts belongs to no layer',
    ]);
  });
});
