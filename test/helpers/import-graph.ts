import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import ts from 'typescript';

/** File → the files it imports (relative imports only, as repo paths like `src/shared/api.ts`). */
export type ImportGraph = Map<string, string[]>;

const SCRIPT = /\.(ts|tsx)$/;
/**
 * Relative imports of anything else (CSS, images) are assets, not modules; also with a Vite query
 * (`overlay.css?inline` is the stylesheet as a string).
 */
const ASSET = /\.(css|svg|png|json|html|wasm)(\?[a-z]+)?$/;

function listScripts(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listScripts(path, out);
    // .d.ts declare ambient types; .as.ts is AssemblyScript (compiled to WebAssembly, not imported by TS).
    else if (SCRIPT.test(entry.name) && !/\.(d|as)\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

const toRepoPath = (root: string, path: string): string => relative(root, path).split(sep).join('/');

function resolveSpecifier(from: string, specifier: string, known: Set<string>): string | null {
  const base = normalize(join(dirname(from), specifier))
    .split(sep)
    .join('/');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`]) {
    if (known.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Parses every module under `root/srcDir` with TypeScript's own import scanner (`ts.preProcessFile`: static
 * imports, `export … from`, `import type`, dynamic `import()`). Package imports are not edges. A relative
 * import that resolves to no file throws, so the graph cannot silently miss an edge.
 */
export function readImportGraph(root: string, srcDir = 'src'): ImportGraph {
  const files = listScripts(join(root, srcDir)).map((path) => toRepoPath(root, path));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(join(root, file), 'utf8'), true, true);
    const edges: string[] = [];
    for (const { fileName } of info.importedFiles) {
      if (!fileName.startsWith('.') || ASSET.test(fileName)) continue;
      const target = resolveSpecifier(file, fileName, known);
      if (!target) throw new Error(`${file}: cannot resolve import '${fileName}'`);
      if (!edges.includes(target)) edges.push(target);
    }
    graph.set(file, edges);
  }
  return graph;
}

/**
 * Every import cycle, as the sorted files of one strongly connected component (Tarjan). A file importing
 * itself counts too.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next += 1;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** One layer: a rank (lower layers never import higher ones) and the path prefixes it owns. */
export interface Layer {
  name: string;
  rank: number;
  /** Repo path prefixes; a prefix ending in `/` is a folder, otherwise an exact file. */
  paths: string[];
  /** When set, files here may import only these layers (and their own): islands like the renderer. */
  onlyFrom?: string[];
  /** Each direct sub-folder is a unit that must not import a sibling unit (providers stay independent). */
  independentChildren?: boolean;
}

export interface LayerViolation {
  from: string;
  to: string;
  why: string;
}

function matchLayer(layers: Layer[], file: string): { layer: Layer; prefix: string } | null {
  let best: { layer: Layer; prefix: string } | null = null;
  for (const layer of layers) {
    for (const prefix of layer.paths) {
      const hit = prefix.endsWith('/') ? file.startsWith(prefix) : file === prefix;
      if (hit && (!best || prefix.length > best.prefix.length)) best = { layer, prefix };
    }
  }
  return best;
}

/** The sub-folder unit of `file` below `prefix` (`twitch` for `…/providers/twitch/irc/x.ts`), if any. */
const unitOf = (prefix: string, file: string): string | null => {
  const rest = file.slice(prefix.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : null;
};

function checkEdge(layers: Layer[], from: string, to: string): string | null {
  const a = matchLayer(layers, from);
  const b = matchLayer(layers, to);
  if (!a) return `${from} belongs to no layer`;
  if (!b) return `${to} belongs to no layer`;
  if (a.layer === b.layer) {
    if (!a.layer.independentChildren || a.prefix !== b.prefix) return null;
    const [ua, ub] = [unitOf(a.prefix, from), unitOf(b.prefix, to)];
    return ua && ub && ua !== ub ? `${a.prefix}${ua}/ imports its sibling ${a.prefix}${ub}/` : null;
  }
  if (a.layer.onlyFrom && !a.layer.onlyFrom.includes(b.layer.name)) {
    return `${a.layer.name} may import only ${a.layer.onlyFrom.join(', ')}, not ${b.layer.name}`;
  }
  if (b.layer.rank > a.layer.rank)
    return `${a.layer.name} (layer ${a.layer.rank}) imports up into ${b.layer.name} (layer ${b.layer.rank})`;
  return null;
}

/** Every edge that breaks the layering, plus every file no layer claims. */
export function findLayerViolations(graph: ImportGraph, layers: Layer[]): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const [from, targets] of graph) {
    if (!matchLayer(layers, from)) violations.push({ from, to: from, why: `${from} belongs to no layer` });
    for (const to of targets) {
      const why = checkEdge(layers, from, to);
      if (why) violations.push({ from, to, why });
    }
  }
  return violations;
}
