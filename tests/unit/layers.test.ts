import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layerViolations } from '../helpers/layers.ts';

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|astro)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('layers', () => {
  it('src/lib imports one way (contract → ingest → changes → aggregate → projection → pipeline → view → charts → publish), without a cycle, and neither src/lib nor src/client imports a Node built-in', () => {
    const files = new Map([...sources('src/lib'), ...sources('src/client')].map((p) => [p, readFileSync(p, 'utf8')]));
    expect(files.size).toBeGreaterThan(50);
    expect(layerViolations(files)).toEqual([]);
  });

  it('names the file and the import of each breach', () => {
    const files = new Map([
      ['src/lib/ingest/reader.ts', "import { aggregate } from '../aggregate/sum.ts';\nimport { readFileSync } from 'node:fs';"],
      ['src/lib/aggregate/sum.ts', "import type { Row } from '../contract/row.ts';"],
      ['src/lib/contract/row.ts', '// a comment: import x from "node:fs"\nexport interface Row {}'],
      ['src/client/draw.ts', "const fs = await import('fs');"],
      ['src/lib/view/a.ts', "export * from './b.ts';"],
      ['src/lib/view/b.ts', "import { a } from './a.ts';"],
      ['src/lib/charts/page.ts', "import { data } from '../../site/data.ts';"],
    ]);
    expect(layerViolations(files)).toEqual([
      'src/lib/ingest/reader.ts: imports ../aggregate/sum.ts (stage ingest may not import the later stage aggregate)',
      'src/lib/ingest/reader.ts: imports node:fs (a Node built-in: src/lib and src/client must run anywhere)',
      'src/client/draw.ts: imports fs (a Node built-in: src/lib and src/client must run anywhere)',
      'src/lib/charts/page.ts: imports ../../site/data.ts (outside src/lib: the domain imports nothing of the site or the scripts)',
      'cycle: src/lib/view/a.ts → src/lib/view/b.ts → src/lib/view/a.ts',
    ]);
  });
});
