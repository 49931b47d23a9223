/** A source of uniform numbers in [0, 1), like `Math.random`. */
export type RandomFn = () => number;

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Good enough for believable fake chat and fully reproducible from a seed,
 * which is what the demo needs (tests and bug reports replay the same chat).
 */
export function mulberry32(seed: number): RandomFn {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience draws on top of a `RandomFn`. */
export interface Rng {
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks one of `[item, weight]` pairs, proportionally to the weights. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
}

export function createRng(random: RandomFn): Rng {
  const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  return {
    next: random,
    int,
    chance: (probability) => random() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
    },
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((sum, [, weight]) => sum + weight, 0);
      let roll = random() * total;
      for (const [item, weight] of items) {
        roll -= weight;
        if (roll < 0) return item;
      }
      const last = items[items.length - 1];
      if (!last) throw new Error('weighted pick from an empty list');
      return last[0];
    },
  };
}
