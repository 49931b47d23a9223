/**
 * Lookups keyed by service data (badge set ids, NOTICE ids, status codes, moderation actions, entity names …).
 * A plain object literal answers `__proto__`, `constructor`, `toString` or `hasOwnProperty` from
 * Object.prototype; a Map answers only what was put in it.
 */

/** A read-only Map built from an object literal (the literal keeps the table readable). */
export function lookupTable<V>(entries: Readonly<Record<string, V>>): ReadonlyMap<string, V> {
  return new Map(Object.entries(entries));
}

/** `record[key]` when `key` is the record's own property, else undefined (never an inherited member). */
export function ownValue(record: object | null | undefined, key: string): unknown {
  return record != null && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
