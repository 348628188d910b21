// The layers of the README's layout (only the glue imports Electron, core stays plain Node, shared/ stands
// alone, the sandbox is an independent oracle, no import cycles), checked on the import graph so a
// wrong import fails the unit suite instead of waiting for a reviewer. Imports are read with the
// parser Vite builds with (oxc, through rolldown), never with a pattern: a comment or a string that
// looks like an import is not one, and `export … from` and `import()` are.
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { parseSync } from 'vite';

/** Project files by their path from the project folder, with `/` between folders. */
export type SourceTree = ReadonlyMap<string, string>;

/** One import of one file: a project file (its path) or a package (its name). */
export interface ImportEdge {
  from: string;
  to: string;
  /** `import type`: nothing is loaded at run time, but the layer still depends on the other. */
  typeOnly: boolean;
}

/** The folders the check reads: every folder of the project that holds TypeScript. */
export const CHECKED_FOLDERS = ['electron', 'shared', 'renderer', 'e2e', 'bench', 'scripts'];

/**
 * Import cycles tolerated for now: none. An entry here is a debt with a plan to remove it; the check
 * fails on an entry that no longer matches, so the list cannot go stale.
 */
export const KNOWN_CYCLES: readonly (readonly string[])[] = [];

const SOURCE = /\.(ts|tsx|mts|cts)$/;
const RESOLVED_EXTENSIONS = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

/** Reads every TypeScript file under `folders` of `root`, skipping build output and dependencies. */
export function readTree(root: string, folders: readonly string[] = CHECKED_FOLDERS): SourceTree {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(path);
      } else if (SOURCE.test(entry.name)) {
        files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
      }
    }
  };
  for (const folder of folders) walk(join(root, folder));
  return files;
}

/** The module names `file` imports, re-exports or loads with `import('…')`. */
export function importsOf(file: string, source: string): { specifier: string; typeOnly: boolean }[] {
  const parsed = parseSync(file, source);
  if (parsed.errors.length > 0) {
    throw new Error(`${file} does not parse: ${parsed.errors.map((e) => e.message).join('; ')}`);
  }
  const found: { specifier: string; typeOnly: boolean }[] = [];
  for (const imported of parsed.module.staticImports) {
    const entries = imported.entries;
    // `import type { A }` or `import { type A }` only; `import './x.css'` has no entries and loads.
    const typeOnly = entries.length > 0 && entries.every((entry) => entry.isType);
    found.push({ specifier: imported.moduleRequest.value, typeOnly });
  }
  for (const exported of parsed.module.staticExports) {
    for (const entry of exported.entries) {
      if (entry.moduleRequest) found.push({ specifier: entry.moduleRequest.value, typeOnly: entry.isType });
    }
  }
  for (const dynamic of parsed.module.dynamicImports) {
    // Only a literal name can be checked; `import(variable)` is resolved at run time.
    const text = source.slice(dynamic.moduleRequest.start, dynamic.moduleRequest.end);
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(text);
    if (literal) found.push({ specifier: literal[2]!, typeOnly: false });
  }
  return found;
}

/** Where `specifier` leads from `file`: a project file, or the package's name (`node:` builtins included). */
export function resolveImport(tree: SourceTree, file: string, specifier: string): string {
  const bare = specifier.replace(/[?#].*$/, '');
  if (!bare.startsWith('.')) {
    const parts = bare.split('/');
    return bare.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  }
  const base = posix.normalize(posix.join(posix.dirname(file), bare));
  const withoutJs = base.replace(/\.(c|m)?js$/, '');
  for (const candidate of [base, withoutJs]) {
    for (const ending of RESOLVED_EXTENSIONS) {
      if (tree.has(candidate + ending)) return candidate + ending;
    }
  }
  // Stylesheets, images and other assets are files of the project that the check does not read.
  return base;
}

/** One edge per pair of files: `export { a }` of an imported `a` names the same module again. */
export function importGraph(tree: SourceTree): ImportEdge[] {
  const edges = new Map<string, ImportEdge>();
  for (const [file, source] of tree) {
    for (const { specifier, typeOnly } of importsOf(file, source)) {
      const to = resolveImport(tree, file, specifier);
      const seen = edges.get(`${file}\n${to}`);
      if (seen) seen.typeOnly &&= typeOnly;
      else edges.set(`${file}\n${to}`, { from: file, to, typeOnly });
    }
  }
  return [...edges.values()];
}

const under = (folder: string) => (path: string) => path.startsWith(`${folder}/`);
const isElectron = (target: string) => target === 'electron';
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const isProjectFile = (target: string) => target.includes('/') && !target.startsWith('@');

interface LayerRule {
  /** Why the import is wrong, in the words of the design. */
  says: string;
  applies: (file: string) => boolean;
  forbids: (target: string, file: string) => boolean;
}

const GLUE = (file: string) => under('electron/main')(file) || under('e2e/electron')(file);
const ONLY_THE_GLUE =
  "only the glue in electron/main/ imports 'electron' (under plain Node it tries to download Electron)";

export const LAYER_RULES: readonly LayerRule[] = [
  {
    says: ONLY_THE_GLUE,
    applies: (file) => !GLUE(file),
    forbids: isElectron,
  },
  {
    says: 'electron/core/ is plain Node: it imports only core and shared/, never the handlers or the app layer',
    applies: under('electron/core'),
    forbids: (target, file) =>
      isProjectFile(target) &&
      !under('electron/core')(target) &&
      !under('shared')(target) &&
      // Its tests may call the sandbox and use the shared test helpers, as every test does.
      !(isTest(file) && (under('electron/testing')(target) || under('electron/sandbox')(target))),
  },
  {
    says: 'shared/ is used by both processes: it imports nothing of electron/ or renderer/',
    applies: under('shared'),
    forbids: (target) => under('electron')(target) || under('renderer')(target),
  },
  {
    says: 'the renderer is a web page: it imports nothing of electron/ (only shared/)',
    applies: under('renderer'),
    forbids: under('electron'),
  },
  {
    says: 'the sandbox is an independent stand-in for WeChat: it imports nothing of the app, shared/ included',
    applies: under('electron/sandbox'),
    forbids: (target) => isProjectFile(target) && !under('electron/sandbox')(target),
  },
];

/** Groups of files that import each other, round and round (Tarjan's strongly connected components). */
export function importCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) {
    next.set(from, [...(next.get(from) ?? []), to]);
  }
  const index = new Map<string, number>();
  const lowest = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    lowest.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        lowest.set(file, Math.min(lowest.get(file)!, lowest.get(target)!));
      } else if (onStack.has(target)) {
        lowest.set(file, Math.min(lowest.get(file)!, index.get(target)!));
      }
    }
    if (lowest.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    const importsItself = next.get(file)?.includes(file) ?? false;
    if (group.length > 1 || importsItself) cycles.push(group.sort());
  };
  for (const file of next.keys()) if (!index.has(file)) visit(file);
  return cycles;
}

/** The files that load 'electron' when run, directly or through the files they import. */
export function filesLoadingElectron(edges: readonly ImportEdge[]): Set<string> {
  const loading = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const { from, to, typeOnly } of edges) {
      if (!typeOnly && !loading.has(from) && (isElectron(to) || loading.has(to))) {
        loading.add(from);
        grew = true;
      }
    }
  }
  return loading;
}

/** Every broken rule of the tree, one readable line each; empty when the layers hold. */
export function layeringProblems(tree: SourceTree, knownCycles = KNOWN_CYCLES): string[] {
  const edges = importGraph(tree);
  const problems: string[] = [];
  for (const edge of edges) {
    for (const rule of LAYER_RULES) {
      if (rule.applies(edge.from) && rule.forbids(edge.to, edge.from)) {
        problems.push(`${edge.from} imports ${edge.to}: ${rule.says}`);
      }
    }
  }
  // A glue file that imports 'electron' is no safer to load from plain Node than 'electron' itself.
  const loadingElectron = filesLoadingElectron(edges);
  for (const { from, to, typeOnly } of edges) {
    if (!GLUE(from) && !typeOnly && loadingElectron.has(to)) {
      problems.push(`${from} imports ${to}, which loads 'electron': ${ONLY_THE_GLUE}`);
    }
  }
  const known = new Set(knownCycles.map((files) => [...files].sort().join(' ↔ ')));
  const found = new Set(importCycles(edges).map((files) => files.join(' ↔ ')));
  for (const cycle of found) {
    if (!known.has(cycle)) problems.push(`import cycle: ${cycle}`);
  }
  for (const cycle of known) {
    if (!found.has(cycle)) problems.push(`KNOWN_CYCLES lists a cycle that is gone, delete it: ${cycle}`);
  }
  return problems;
}
