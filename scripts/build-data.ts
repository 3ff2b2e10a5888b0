// Reads the data folder, validates every snapshot, and writes the precomputed aggregates the
// pages import (src/generated/) plus the open data files. Nothing is written if anything is wrong.
import { resolve } from 'node:path';
import { openDataFiles } from '../src/lib/publish/open-data.ts';
import { WORKBOOK_FILE } from '../src/lib/publish/open-data-dictionary.ts';
import { openDataWorkbook } from '../src/lib/publish/open-data-workbook.ts';
import { partnerFiles } from '../src/lib/publish/partner-files.ts';
import { DataError } from '../src/lib/contract/problems.ts';
import { runPipeline, type Built } from '../src/lib/pipeline.ts';
import { plausibilityText } from '../src/lib/changes/plausibility.ts';
import { t, type StringKey } from '../src/lib/i18n/index.ts';
import { dataDir, fsDataSource } from './io/fs-data-source.ts';
import { replaceFolder } from './io/write-atomically.ts';
import { workbookBytes } from './io/write-workbook.ts';

/** Where the pages read the precomputed data from (the `@generated` alias in astro.config.mjs). */
export const GENERATED = process.env.DASHBOARD_GENERATED_DIR ?? 'src/generated';

/** The folder of src/generated/ holding each earlier data date's open data, `<date>/<file>`. */
export const DATED = 'open-data-dated';

/** Returns the open data files of a build: the CSVs and summary.json, and the same tables as an Excel workbook. */
async function openDataOf({ data, summary }: Built): Promise<Record<string, string | Uint8Array>> {
  const open = { ...openDataFiles(summary, data), ...partnerFiles(data.aggregates, data.currency) };
  return { ...open, [WORKBOOK_FILE]: await workbookBytes(openDataWorkbook(open, data), data.aggregates.asOf) };
}

const prefixed = <T,>(prefix: string, files: Record<string, T>) => Object.fromEntries(Object.entries(files).map(([name, v]) => [`${prefix}${name}`, v]));

/** Returns after writing src/generated/, or exits non-zero listing every problem in the data. */
export async function buildData(dir = dataDir()): Promise<void> {
  const source = fsDataSource(resolve(dir));
  let built: Built;
  try {
    built = runPipeline(source);
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    const more = e.problems.some((p) => p.key === 'problem.more') ? ' (npm run validate -- <file> lists every one, by rule)' : '';
    process.stderr.write(`${e.message}\n\nThe data has ${e.count} problem(s)${more}; nothing was written.\n`);
    process.exit(1);
  }
  // Warnings do not stop the build; they go to stdout so that stderr carries only failures.
  const { loaded, data } = built;
  for (const w of [...loaded.warnings, ...loaded.plausibility.map((p) => plausibilityText(p, (key, params) => t('en', key as StringKey, params), 'en'))]) process.stdout.write(`warning: ${w}\n`);
  // Every earlier data date's files as well, from the exports up to it: the dated folders the open
  // data page calls permanent survive each new publication (a static host replaces the whole site).
  const earlier = [...new Set(loaded.exports.map((e) => e.date))].filter((date) => date < data.aggregates.asOf).sort();
  const dated = await Promise.all(
    earlier.map(async (date) => {
      const then = runPipeline({ ...source, listExports: () => source.listExports().filter((rel) => rel.slice(0, 10) <= date) });
      return [date, await openDataOf(then)] as const;
    }),
  );
  replaceFolder(GENERATED, {
    'dashboard.json': `${JSON.stringify(data, null, 1)}\n`,
    ...prefixed('open-data/', await openDataOf(built)),
    ...Object.fromEntries(dated.flatMap(([date, files]) => Object.entries(prefixed(`${DATED}/${date}/`, files)))),
  });
  const a = loaded.aggregates;
  const p = data.projection;
  process.stdout.write(
    `data: ${a.completions} completions, ${a.totalCredits} credits of ${a.targetCredits} as of ${a.asOf}` +
      (p ? `; projection to ${p.horizon}: ${p.central} (${p.low}–${p.high}, ${p.method})` : '') +
      ` → ${GENERATED}/\n`,
  );
}

if (import.meta.main) await buildData();
