// npm run aggregate -- IN_DIR OUT_DIR: a data folder of per-completion exports of any size,
// summed by DuckDB into the same programme with monthly-totals exports, which the dashboard then
// builds from (DASHBOARD_DATA_DIR=OUT_DIR npm run build). The SQL is scripts/sql/aggregate.sql.
import { resolve } from 'node:path';
import { centiToString } from '../src/lib/credits.ts';
import { aggregateFolder } from './io/aggregate-folder.ts';

const NOT_CHECKED =
  'Checked as the build checks them (the contract\u2019s own code, src/lib/contract/value-rules.ts, judges every distinct date, field code and credits): ' +
  'the header, row widths, dates, field codes, credits, empty ids, course codes and names, completion ids repeated within a file (trimmed as the build trims them); ' +
  'monthly-totals exports by the build\u2019s own reader. Refused rather than guessed at: a file not in UTF-8, a value holding a quote character, mixed line ends. ' +
  'Not checked here (the normal build does it): learner ids and changes against the partner\u2019s previous export; the dashboard built from the output has no learner counts ' +
  'and gives the month the target was reached, not the day.';

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir || process.argv.length > 4) {
  process.stderr.write('usage: npm run aggregate -- IN_DIR OUT_DIR\n');
  process.exit(2);
}
const start = performance.now();
const run = await aggregateFolder(resolve(inDir), resolve(outDir)).catch((e: unknown) => {
  // Input problems come back as run.problems; this is a fault of the tool or the machine.
  process.stderr.write(`npm run aggregate failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
if (run.problems.length > 0) {
  process.stderr.write(`${run.problems.join('\n')}\n\nThe data has ${run.problems.length} problem(s); nothing was written.\n`);
  process.exit(1);
}
process.stdout.write(
  `aggregate: ${run.rows} completions, ${centiToString(run.centi)} credits in ${run.exports - run.copied} exports` +
    (run.copied > 0 ? ` (and ${run.copied} monthly-totals exports copied as they are)` : '') +
    ` → ${outDir}/ in ${((performance.now() - start) / 1000).toFixed(2)} s\n${NOT_CHECKED}\n`,
);
