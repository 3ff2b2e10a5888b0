import { statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Learners, type LearnersData } from '../src/lib/ingest/learners.ts';
import { combineExports, loadData, partnerGroups, planLoad, readPartnerExports, type ExportResult, type LoadedData } from '../src/lib/ingest/load-data.ts';
import type { Programme } from '../src/lib/contract/programme.ts';
import type { SnapshotFile } from '../src/lib/contract/export-files.ts';
import { fsDataSource } from './io/fs-data-source.ts';

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

/**
 * The data set; how many threads read some of it (1 also when the worker found nothing left to
 * read, as on small data); and how many partners the worker read.
 */
export type LoadedInParallel = LoadedData & { threads: number; partnersInWorker: number };

/** What a worker is given (see load-worker.ts). */
export interface WorkerInput {
  dir: string;
  /** The plan's programme and files (a worker must read the same list, not list the folder again). */
  programme: Programme;
  files: SnapshotFile[];
  /** The partner groups to read, in the order to take them (indexes into the plan's files). */
  jobs: number[][];
  /** Shared by both threads: [NEXT] the next job to take (Atomics.add), [STOP] 1 once either has failed. */
  shared: Int32Array;
}

/** Positions in WorkerInput.shared. */
export const NEXT = 0;
export const STOP = 1;

/** Returns the next job for a thread to read, or `jobs` when there is none left or the other thread failed. */
export function takeJob(shared: Int32Array, jobs: number): number {
  return Atomics.load(shared, STOP) === 0 ? Math.min(Atomics.add(shared, NEXT, 1), jobs) : jobs;
}

/** A result as it crosses threads: learners as plain data, their buffer moved. */
export type SentResult = Omit<ExportResult, 'learners'> & { learners: LearnersData | null };

/** What a worker posts: one job's results, the end of its work, or why it failed. */
export type WorkerReply = { job: number; results: SentResult[] } | { done: true; jobs: number } | { error: SentError };

/** An error as it crosses threads (an Error would lose its code). */
export interface SentError {
  message: string;
  stack: string;
  code?: string;
}

/** Returns the worker's error as an Error of this thread: its message and code kept, its stack as the cause. */
function received(e: SentError): Error {
  const error: NodeJS.ErrnoException = new Error(`reading exports on a second thread: ${e.message}`, { cause: e.stack });
  if (e.code !== undefined) error.code = e.code;
  return error;
}

/**
 * Does what `loadData` does, with the partners' exports read on two threads at once (this one
 * and a worker). A partner's exports stay on one thread, because each is compared with the one
 * before; the largest partners are taken first, by whichever thread is free. Results are put
 * together in `loadData`'s order, so the output, warnings and problems are the same bytes.
 *
 * At most two threads: each thread is its own JavaScript heap (~35 MB) and holds the ids of the
 * file it reads (~25 bytes a row), so a third would cost the 200 MB budget more than it would
 * pay on the 2-CPU machines this is built for.
 */
export async function loadDataParallel(dir: string, options: ParallelOptions = {}): Promise<LoadedInParallel> {
  const source = fsDataSource(dir);
  const plan = planLoad(source);
  const groups = partnerGroups(plan.files);
  const threads = Math.min(options.threads ?? Math.min(2, availableParallelism()), 2, groups.length);
  const sizes = threads < 2 ? [] : groups.map((g) => g.reduce((n, i) => n + statSync(join(dir, plan.files[i].path.slice(source.label.length))).size, 0));
  if (threads < 2 || sizes.reduce((a, b) => a + b, 0) < (options.minBytes ?? PARALLEL_MIN_BYTES)) return { ...loadData(source), threads: 1, partnersInWorker: 0 };

  // Largest first, so that the last job to finish is a small one.
  const jobs = groups.map((_, g) => g).sort((a, b) => sizes[b] - sizes[a] || a - b).map((g) => groups[g]);
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const results: ExportResult[] = new Array(plan.files.length);
  const store = (job: number, read: readonly ExportResult[]) => jobs[job].forEach((i, k) => (results[i] = read[k]));
  const input: WorkerInput = { dir, programme: plan.programme, files: plan.files, jobs, shared };
  const worker = new Worker(new URL('./load-worker.ts', import.meta.url), { workerData: input, env: workerEnv() });
  let partnersInWorker = 0;
  const inWorker = new Promise<void>((done, fail) => {
    worker.on('message', (reply: WorkerReply) => {
      try {
        if ('error' in reply) fail(received(reply.error));
        else if ('done' in reply) {
          partnersInWorker = reply.jobs;
          done();
        } else store(reply.job, reply.results.map((r) => ({ ...r, learners: r.learners && Learners.fromData(r.learners) })));
      } catch (e) {
        fail(e);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the second reading thread stopped (exit code ${code}) before it was done`)));
  });
  // A failure on either thread stops the other taking jobs; it is awaited below, so it must not
  // count as unhandled while this thread reads.
  inWorker.catch(() => Atomics.store(shared, STOP, 1));
  try {
    for (let job = options.workerOnly ? jobs.length : takeJob(shared, jobs.length); job < jobs.length; job = takeJob(shared, jobs.length)) {
      store(job, readPartnerExports(plan, jobs[job]));
    }
    await inWorker;
  } catch (e) {
    Atomics.store(shared, STOP, 1);
    throw e;
  } finally {
    await worker.terminate();
  }
  const readers = (partnersInWorker > 0 ? 1 : 0) + (partnersInWorker < jobs.length ? 1 : 0);
  return { ...combineExports(plan, results), threads: readers, partnersInWorker };
}

/**
 * The worker's environment: Node's compile cache (stripped TypeScript and compiled code, on disk,
 * keyed by file contents) lets it load its modules in ~70 ms instead of ~200 once any run has
 * filled the cache. This process's own loading is left as it is.
 */
function workerEnv(): NodeJS.ProcessEnv {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return process.env;
  return { ...process.env, NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(tmpdir(), 'node-compile-cache') };
}
