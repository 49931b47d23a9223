import { ownValue } from '../../../../../shared/lookup';

/**
 * Defensive readers for untrusted JSON: a wrong type reads as absent, never throws. Only own properties are
 * read, so a key taken from the payload itself (`channel.moderate` reads the object named by its `action`)
 * never finds `__proto__` or `constructor` of Object.prototype.
 */
export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function str(source: JsonObject | null, key: string): string | null {
  const value = ownValue(source, key);
  return typeof value === 'string' ? value : null;
}

export function num(source: JsonObject | null, key: string): number | null {
  const value = ownValue(source, key);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function bool(source: JsonObject | null, key: string): boolean {
  return ownValue(source, key) === true;
}

export function obj(source: JsonObject | null, key: string): JsonObject | null {
  return asObject(ownValue(source, key));
}

export function list(source: JsonObject | null, key: string): unknown[] {
  const value = ownValue(source, key);
  return Array.isArray(value) ? value : [];
}

/** RFC3339 with up to nanosecond fractions; `fallback` when absent or unparseable (never NaN). */
export function parseTime(value: string | null, fallback: number): number {
  if (!value) return fallback;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : fallback;
}

/** Thrown by mappers when a known event type lacks a field it cannot do without. */
export class MissingFieldError extends Error {
  constructor(field: string) {
    super(`missing field: ${field}`);
    this.name = 'MissingFieldError';
  }
}

export function need(source: JsonObject | null, key: string): string {
  const value = str(source, key);
  if (value === null || value === '') throw new MissingFieldError(key);
  return value;
}
