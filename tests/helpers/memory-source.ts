import { DataError } from '../../src/lib/contract/problems.ts';
import { loadData } from '../../src/lib/pipeline.ts';
import { type DataSource } from '../../src/lib/ingest/read-exports.ts';

/**
 * Returns a DataSource over in-memory files, so pipeline tests need no disk. Text is handed over
 * as UTF-8 bytes and bytes as they are (to test encodings), in chunks of `chunkBytes` (to test
 * values, characters and line breaks cut at a chunk's edge).
 */
export function memorySource(
  programme: unknown,
  snapshots: Record<string, string | Uint8Array>,
  label = 'fixture/',
  chunkBytes = 1 << 16,
): DataSource {
  return {
    label,
    readProgramme: () => (typeof programme === 'string' ? programme : JSON.stringify(programme)),
    listExports: () => Object.keys(snapshots),
    readExport: (rel) => {
      const file = snapshots[rel];
      if (file === undefined) throw new Error(`no fixture ${rel}`);
      const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
      return chunked(bytes, chunkBytes);
    },
  };
}

function* chunked(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

const names = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });

/** A small programme, unlike AMKosaaja on purpose: other target, partners, fields and dates. */
export const tinyProgramme = {
  id: 'tiny',
  name: names('Pieni ohjelma'),
  description: names('Testiohjelma'),
  demo: false,
  targetCredits: 15,
  period: { start: '2023-01-01', end: '2023-12-31' },
  projectionHorizon: '2023-12-31',
  source: names('Testilähde'),
  partners: [
    { id: 'alpha', code: '00001', shortName: 'Alpha', name: names('Alpha AMK') },
    { id: 'beta', code: '00002', shortName: 'Beta', name: names('Beta AMK') },
  ],
  fields: [
    { code: 1, name: names('Ala yksi') },
    { code: 2, name: names('Ala kaksi') },
  ],
  milestones: [],
  contact: { email: null },
};

export const HEADER = 'completion_id,completed_on,course_code,course_name,field_code,credits,learner_id';

/**
 * alpha exports twice (A3 withdrawn in June, A4 added); beta only in March, so its latest export
 * is older than the as-of date. Credits include 2,5 (decimal comma) and 0.1 + 0.2.
 */
export const tinySnapshots: Record<string, string> = {
  '2023-03-31/alpha.csv': [
    HEADER,
    'A1,2023-01-15,C1,Kurssi 1,1,5,L1',
    'A2,10.2.2023,C2,Kurssi 2,2,"2,5",L2',
    'A3,2023-03-20,C3,Kurssi 3,1,1,L1',
  ].join('\n'),
  '2023-03-31/beta.csv': [HEADER, 'B1,2023-03-01,C9,Kurssi 9,2,0.1,L9', 'B2,2023-03-02,C9,Kurssi 9,2,0.2,L8', ''].join('\n'),
  '2023-06-30/alpha.csv': [
    HEADER,
    'A1,2023-01-15,C1,Kurssi 1,1,5,L1',
    'A2,2023-02-10,C2,Kurssi 2,2,"2,5",L2',
    'A4,2023-06-01,C4,Kurssi 4,1,10,L3',
  ].join('\n'),
};

/** Returns the problem lines that loading these exports of `programme` fails with, or [] when it loads. */
export function loadProblems(snapshots: Record<string, string | Uint8Array>, programme: unknown = tinyProgramme): string[] {
  try {
    loadData(memorySource(programme, snapshots));
  } catch (e) {
    if (!(e instanceof DataError)) throw e;
    return e.message.split('\n');
  }
  return [];
}
