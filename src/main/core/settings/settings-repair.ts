import { settingsSchema, type Settings } from '../../../shared/settings';

/** A part of the file that was left out, and why (shown to the user). */
export interface DroppedPart {
  /** e.g. `server.port`, `sources[2] ("chat")` */
  what: string;
  why: string;
  /** A source (or the whole source list) was dropped: the demo must not stand in for it. */
  source: boolean;
}

export interface RepairResult {
  settings: Settings;
  dropped: DroppedPart[];
}

type Issue = { path: PropertyKey[]; message: string };
type Json = Record<string, unknown>;

const MAX_PASSES = 20;
/** As in `settingsSchema`: past it the whole list would be invalid, so keep the first ones. */
const MAX_SOURCES = 50;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keeps every valid part of a parsed settings file: an invalid field falls back to its default, an invalid
 * source is left out, and each is reported. Null when the top level is not an object at all.
 */
export function repairSettings(raw: unknown): RepairResult | null {
  if (!isObject(raw)) return null;
  const draft = structuredClone(raw);
  const dropped: DroppedPart[] = [];
  if (Array.isArray(draft.sources) && draft.sources.length > MAX_SOURCES) {
    const extra = draft.sources.splice(MAX_SOURCES);
    dropped.push({
      what: `sources[${MAX_SOURCES}…]`,
      why: `${extra.length} past the limit of ${MAX_SOURCES}`,
      source: true,
    });
  }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = settingsSchema.safeParse(draft);
    if (parsed.success) return { settings: parsed.data, dropped };
    const progress =
      dropSources(draft, parsed.error.issues, dropped) + dropFields(draft, parsed.error.issues, dropped);
    if (progress === 0) return null;
  }
  return null;
}

/** Removes each source an issue points into (highest index first, so the others keep their index). */
function dropSources(draft: Json, issues: Issue[], dropped: DroppedPart[]): number {
  const sources = draft.sources;
  if (!Array.isArray(sources)) return 0;
  const reasons = new Map<number, string[]>();
  for (const issue of issues) {
    const [key, index, ...rest] = issue.path;
    if (key !== 'sources' || typeof index !== 'number' || index >= sources.length) continue;
    const field = rest.map(String).join('.');
    reasons.set(index, [...(reasons.get(index) ?? []), field ? `${field}: ${issue.message}` : issue.message]);
  }
  for (const index of [...reasons.keys()].sort((a, b) => b - a)) {
    const source: unknown = sources[index];
    const id = isObject(source) && typeof source.id === 'string' ? ` ("${source.id.slice(0, 64)}")` : '';
    dropped.push({ what: `sources[${index}]${id}`, why: reasons.get(index)!.join('; '), source: true });
    sources.splice(index, 1);
  }
  return reasons.size;
}

/** Deletes the field each remaining issue names, so its default applies. */
function dropFields(draft: Json, issues: Issue[], dropped: DroppedPart[]): number {
  let removed = 0;
  for (const issue of issues) {
    if (issue.path[0] === 'sources' && typeof issue.path[1] === 'number') continue;
    const path = fieldPath(draft, issue.path);
    if (!path) continue;
    const parent = valueAt(draft, path.slice(0, -1));
    const key = path[path.length - 1]!;
    if (!isObject(parent) || !Object.hasOwn(parent, key)) continue;
    delete parent[key];
    removed += 1;
    dropped.push({ what: path.join('.'), why: issue.message, source: path[0] === 'sources' });
  }
  return removed;
}

/**
 * The object field to delete for an issue: its path up to the first array index (a bad preset drops the
 * preset list, not one number of it), or the parent when the named field is missing (a required field of a
 * present object). Null when nothing below the root can be removed.
 */
function fieldPath(draft: Json, issuePath: PropertyKey[]): string[] | null {
  const firstIndex = issuePath.findIndex((part) => typeof part !== 'string');
  let path = (firstIndex === -1 ? issuePath : issuePath.slice(0, firstIndex)) as string[];
  while (path.length > 0 && valueAt(draft, path) === undefined) path = path.slice(0, -1);
  return path.length > 0 ? path : null;
}

function valueAt(root: Json, path: string[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}
