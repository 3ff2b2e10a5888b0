import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fsDataSource } from '../../scripts/io/fs-data-source.ts';
import { loadDataParallel } from '../../scripts/load-parallel.ts';
import { loadData } from '../../src/lib/ingest/load-data.ts';
import { DataError } from '../../src/lib/contract/problems.ts';

// Reading on two threads must give exactly what reading on one gives: the same exports, learner
// counts, warnings and problems, in the same order. `workerOnly` makes the worker read every
// export, so its path (results and learner tables crossing threads) is taken on small data too.

const temp = mkdtempSync(join(tmpdir(), 'load-parallel-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('loadDataParallel', () => {
  it('reads the demonstration data on a second thread to the same data set as loadData, corrections and learners included', async () => {
    const one = loadData(fsDataSource('data'));
    const two = await loadDataParallel('data', { threads: 2, minBytes: 0, workerOnly: true });
    expect(two.partnersInWorker).toBe(5);
    expect(two.threads).toBe(1);
    expect(two.aggregates).toEqual(one.aggregates);
    expect(two.exports).toEqual(one.exports);
    expect(two.warnings).toEqual(one.warnings);
    // The demo data has corrections between snapshots, and learners: both crossed the threads.
    expect(two.warnings.some((w) => w.includes('changed since'))).toBe(true);
    expect(two.aggregates.learners).toBe(one.aggregates.learners);
    expect(typeof two.aggregates.learners === 'number' && two.aggregates.learners > 0).toBe(true);
  });

  it('splits the partners between both threads and still matches', async () => {
    const one = loadData(fsDataSource('data'));
    const two = await loadDataParallel('data', { threads: 2, minBytes: 0 });
    expect(two.aggregates).toEqual(one.aggregates);
    expect(two.warnings).toEqual(one.warnings);
  });

  it('reads small data on this thread alone, and one thread when asked', async () => {
    expect((await loadDataParallel('data')).threads).toBe(1);
    expect((await loadDataParallel('data', { threads: 1, minBytes: 0 })).threads).toBe(1);
  });

  it('refuses a broken data set with the same problems, in the same order, as loadData', async () => {
    const dir = join(temp, 'broken');
    cpSync('tests/fixtures/tiny', dir, { recursive: true });
    writeFileSync(
      join(dir, 'snapshots/2023-06-30/beta.csv'),
      'completion_id,completed_on,course_code,course_name,field_code,credits,learner_id\nB1,2023-02-30,C1,Kurssi,1,5,L1\nB1,2023-02-01,C1,Kurssi,9,5,L1\n',
    );
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (e instanceof DataError) return e.message;
        throw e;
      }
      return 'loaded';
    };
    const one = message(() => loadData(fsDataSource(dir)));
    expect(one).toContain('beta.csv:2: completed_on: not a date');
    let two = 'loaded';
    await loadDataParallel(dir, { threads: 2, minBytes: 0, workerOnly: true }).catch((e: unknown) => {
      if (!(e instanceof DataError)) throw e;
      two = e.message;
    });
    expect(two).toBe(one);
  });

  it('fails, without hanging, when an export cannot be read, on the worker or on this thread', async () => {
    // A link to a folder is listed like a file, has a size, opens, and then cannot be read
    // (EISDIR): not a problem in the data, but a failure to read it.
    const dir = join(temp, 'unreadable');
    cpSync('tests/fixtures/tiny', dir, { recursive: true });
    symlinkSync(join(dir, 'snapshots'), join(dir, 'snapshots/2023-06-30/beta.csv'));
    expect(() => loadData(fsDataSource(dir))).toThrow(/EISDIR/);
    await expect(loadDataParallel(dir, { threads: 2, minBytes: 0, workerOnly: true })).rejects.toMatchObject({
      message: expect.stringMatching(/^reading exports on a second thread: EISDIR/),
      code: 'EISDIR',
    });
    await expect(loadDataParallel(dir, { threads: 2, minBytes: 0 })).rejects.toThrow(/EISDIR/);
  });
});
