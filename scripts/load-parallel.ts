import { statSync } from 'node:fs';
import module from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Learners, type LearnersData } from '../src/lib/learners.ts';
import { combineExports, loadData, partnerGroups, planLoad, readPartnerExports, type ExportResult, type LoadedData } from '../src/lib/load-data.ts';
import type { Programme } from '../src/lib/programme.ts';
import type { SnapshotFile } from '../src/lib/snapshot-plan.ts';
import { fsDataSource } from './fs-data-source.ts';

/** Below this many bytes of exports a second thread costs more to start (~0.1 s) than it saves: read on this one. */
export const PARALLEL_MIN_BYTES = 32 << 20;

export interface ParallelOptions {
  /** Threads to read with, this one included; default: the CPUs this process may use, at most 2. */
  threads?: number;
  /** Read on this thread alone when the exports are smaller than this (bytes); default PARALLEL_MIN_BYTES. */
  minBytes?: number;
  /** Leave every export to the worker (tests: so that its path is taken on small data too). */
  workerOnly?: boolean;
}

/** The data set, and how many threads read it. */
export type LoadedInParallel = LoadedData & { threads: number };

/** What a worker is given (see load-worker.ts). */
export interface WorkerInput {
  dir: string;
  /** The plan's programme and files (a worker must read the same list, not list the folder again). */
  programme: Programme;
  files: SnapshotFile[];
  /** The partner groups to read, in the order to take them (indexes into the plan's files). */
  jobs: number[][];
  /** [0]: the next job to take, shared by every thread (Atomics.add). */
  next: Int32Array;
}

/** A result as it crosses threads: learners as plain data, their buffer moved. */
export type SentResult = Omit<ExportResult, 'learners'> & { learners: LearnersData | null };

/** What a worker posts: one job's results, the end of its work, or why it failed. */
export type WorkerReply = { job: number; results: SentResult[] } | { done: true } | { error: string };

/**
 * Does what `loadData` does, with the partners' exports read on two threads at once (this one
 * and a worker). A partner's exports stay on one thread, because each is compared with the one
 * before; the largest partners are taken first, by whichever thread is free. Results are put
 * together in `loadData`'s order, so the output, warnings and problems are the same bytes.
 *
 * At most two threads: reading is memory-hungry enough (some 60 bytes a row of the largest file,
 * and each thread is its own JavaScript heap) that a third would break the 200 MB budget sooner
 * than it would pay on the 2-CPU machines this is built for.
 */
export async function loadDataParallel(dir: string, options: ParallelOptions = {}): Promise<LoadedInParallel> {
  const source = fsDataSource(dir);
  const plan = planLoad(source);
  const groups = partnerGroups(plan.files);
  const sizes = groups.map((g) => g.reduce((n, i) => n + statSync(join(dir, plan.files[i].path.slice(source.label.length))).size, 0));
  const threads = Math.min(options.threads ?? Math.min(2, availableParallelism()), 2, groups.length);
  if (threads < 2 || sizes.reduce((a, b) => a + b, 0) < (options.minBytes ?? PARALLEL_MIN_BYTES)) return { ...loadData(source), threads: 1 };

  // Largest first, so that the last job to finish is a small one.
  const jobs = groups.map((_, g) => g).sort((a, b) => sizes[b] - sizes[a] || a - b).map((g) => groups[g]);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const results: ExportResult[] = new Array(plan.files.length);
  const store = (job: number, read: readonly ExportResult[]) => jobs[job].forEach((i, k) => (results[i] = read[k]));
  const input: WorkerInput = { dir, programme: plan.programme, files: plan.files, jobs, next };
  // Node's compile cache (stripped TypeScript and compiled code, on disk, keyed by file contents)
  // lets the worker load its modules in ~70 ms instead of ~200 once any run has filled it.
  const cache = module.enableCompileCache().directory;
  const env = cache ? { ...process.env, NODE_COMPILE_CACHE: cache } : process.env;
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: input, env });
  const inWorker = new Promise<void>((done, fail) => {
    worker.on('message', (reply: WorkerReply) => {
      if ('error' in reply) fail(new Error(`reading exports on a second thread: ${reply.error}`));
      else if ('done' in reply) done();
      else store(reply.job, reply.results.map((r) => ({ ...r, learners: r.learners && Learners.fromData(r.learners) })));
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the second reading thread stopped (exit code ${code}) before it was done`)));
  });
  inWorker.catch(() => {}); // awaited below; it must not be an unhandled rejection while this thread reads
  try {
    for (let job = options.workerOnly ? jobs.length : Atomics.add(next, 0, 1); job < jobs.length; job = Atomics.add(next, 0, 1)) {
      store(job, readPartnerExports(plan, jobs[job]));
    }
    await inWorker;
  } finally {
    await worker.terminate();
  }
  return { ...combineExports(plan, results), threads: 2 };
}
