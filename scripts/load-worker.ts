// The second thread of loadDataParallel (load-parallel.ts): takes partner groups from the shared
// counter until none are left, and posts each one's results as they are read; learner tables are
// moved, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { readPartnerExports, type LoadPlan } from '../src/lib/load-data.ts';
import { fsDataSource } from './fs-data-source.ts';
import type { SentResult, WorkerInput, WorkerReply } from './load-parallel.ts';

const { dir, programme, files, jobs, next } = workerData as WorkerInput;
const post = (reply: WorkerReply, moved: ArrayBuffer[] = []) => parentPort!.postMessage(reply, moved);
try {
  const plan: LoadPlan = { source: fsDataSource(dir), programme, files, problems: [] };
  for (let job = Atomics.add(next, 0, 1); job < jobs.length; job = Atomics.add(next, 0, 1)) {
    const moved: ArrayBuffer[] = [];
    const results = readPartnerExports(plan, jobs[job]).map((r): SentResult => {
      const learners = r.learners && r.learners.toData();
      if (learners) moved.push(learners.table.buffer as ArrayBuffer);
      return { ...r, learners };
    });
    post({ job, results }, moved);
  }
  post({ done: true });
} catch (e) {
  post({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
