/**
 * Rewrites data/snapshots/ with the seeded demonstration data, then loads it back through the
 * dashboard's own loader and prints what it found. Run: npm run demo-data
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultDemoOptions, generateDemo } from '../tools/demo/generate-demo.ts';
import { loadData } from '../src/lib/pipeline.ts';
import { parseProgramme } from '../src/lib/contract/programme.ts';
import { fsDataSource } from './io/fs-data-source.ts';

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');
const snapshotsDir = join(dataDir, 'snapshots');

const programme = parseProgramme(JSON.parse(readFileSync(join(dataDir, 'programme.json'), 'utf8')), 'data/programme.json');
const { files, summary } = generateDemo(programme, defaultDemoOptions(programme));

rmSync(snapshotsDir, { recursive: true, force: true });
for (const f of files) {
  mkdirSync(join(snapshotsDir, f.date), { recursive: true });
  writeFileSync(join(snapshotsDir, f.path), f.text, 'utf8');
}

// Read back through the dashboard's own loader: what the build will see.
const a = loadData(fsDataSource(dataDir)).aggregates;

console.log(`Wrote ${files.length} files under data/snapshots/ (seed ${defaultDemoOptions(programme).seed}).`);
console.log(`As of ${a.asOf}: ${a.completions} completions, ${a.totalCredits} credits (target ${a.targetCredits}, ${a.percentOfTarget} %).`);
console.log(`Target first reached on ${a.targetReachedOn}.`);
console.log(
  `Learners ${summary.learners}; withdrawn ${summary.withdrawn}, corrected ${summary.corrected}; ` +
    `calibration added ${summary.calibration.added} and removed ${summary.calibration.removed} completions.`,
);
console.log(`Newest exports: ${a.partners.map((p) => `${p.id} ${p.lastSnapshot}`).join(', ')}.`);
