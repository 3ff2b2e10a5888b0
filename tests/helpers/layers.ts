// The stage order of src/lib, and the checks the layers test makes on the import graph: no Node
// built-in in code that runs in the browser or must stay pure, no import against the stage order,
// no cycle. Imports are read with TypeScript's own pre-processor, so comments and strings that
// look like imports are not taken for them.
import ts from 'typescript';
import { dirname, join, normalize } from 'node:path';

/**
 * The stages of src/lib, lowest first: a module may import its own stage or a lower one. Units
 * (dates, credits, digits) and words (format, i18n) are shared by every stage above them.
 */
export const STAGES: readonly { name: string; members: readonly string[] }[] = [
  { name: 'units', members: ['dates.ts', 'credits.ts', 'digits.ts'] },
  { name: 'contract', members: ['contract/'] },
  { name: 'words', members: ['format.ts', 'i18n/'] },
  { name: 'ingest', members: ['ingest/'] },
  { name: 'changes', members: ['changes/'] },
  { name: 'aggregate', members: ['aggregate/'] },
  { name: 'projection', members: ['projection/'] },
  { name: 'pipeline', members: ['pipeline.ts'] },
  { name: 'view', members: ['view/'] },
  { name: 'charts', members: ['charts/'] },
  { name: 'publish', members: ['publish/'] },
];

/** Returns the stage index of a file given relative to src/lib, or -1 when it belongs to none. */
export function stageOf(rel: string): number {
  return STAGES.findIndex((s) => s.members.some((m) => (m.endsWith('/') ? rel.startsWith(m) : rel === m)));
}

/** Returns the module specifiers a source imports or re-exports, statically or dynamically. */
export function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

const NODE_BUILTIN = /^(node:|(fs|path|os|child_process|crypto|url|stream|zlib|http|https|net|worker_threads|module|process|buffer|util)(\/|$))/;

/**
 * Returns every breach of the layering in a set of files (path relative to the repository → its
 * text), each naming the file and the import: Node built-ins under src/lib and src/client,
 * imports from a higher stage of src/lib, and cycles among src/lib's modules.
 */
export function layerViolations(files: ReadonlyMap<string, string>): string[] {
  const out: string[] = [];
  const graph = new Map<string, string[]>();
  for (const [path, text] of files) {
    const pure = path.startsWith('src/lib/') || path.startsWith('src/client/');
    const inLib = path.startsWith('src/lib/');
    const edges: string[] = [];
    for (const spec of importsOf(text)) {
      if (pure && NODE_BUILTIN.test(spec)) out.push(`${path}: imports ${spec} (a Node built-in: src/lib and src/client must run anywhere)`);
      if (!inLib || !spec.startsWith('.')) continue;
      const target = normalize(join(dirname(path), spec));
      if (!target.startsWith('src/lib/')) {
        out.push(`${path}: imports ${spec} (outside src/lib: the domain imports nothing of the site or the scripts)`);
        continue;
      }
      edges.push(target);
      const from = stageOf(path.slice('src/lib/'.length));
      const to = stageOf(target.slice('src/lib/'.length));
      if (from === -1) out.push(`${path}: belongs to no stage (add it to STAGES in tests/helpers/layers.ts)`);
      else if (to > from) out.push(`${path}: imports ${spec} (stage ${STAGES[from].name} may not import the later stage ${STAGES[to].name})`);
    }
    if (inLib) graph.set(path, edges);
  }
  for (const cycle of cycles(graph)) out.push(`cycle: ${cycle.join(' → ')}`);
  return out;
}

/** Returns one cycle (as a closed path) for each strongly connected group of more than one module, or a module importing itself. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}
