import type { DemoSourceConfig } from '../../../../shared/settings';
import type { ChatSource, SourceContext } from '../source';
import { DemoSource } from './demo-source';
import { createRng, mulberry32, type RandomFn } from './prng';

export { DEMO_CAPABILITIES, DEMO_LABEL, DemoSource } from './demo-source';
export { DEMO_EMOTES, type DemoEmote } from './emotes';

/**
 * The offline demo chat source. Randomness: `deps.random` when given, else a seeded PRNG when `config.seed > 0`
 * (same seed + same clock → same events), else `Math.random`.
 */
export function createDemoSource(
  config: DemoSourceConfig,
  ctx: SourceContext,
  deps: { random?: () => number } = {},
): ChatSource {
  const random: RandomFn = deps.random ?? (config.seed > 0 ? mulberry32(config.seed) : Math.random);
  return new DemoSource(config, ctx, createRng(random));
}
