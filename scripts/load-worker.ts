// The second thread of loadDataParallel (load-parallel.ts): takes partner groups from the shared
// counter until none are left (or the other thread has failed), and posts each one's results as
// they are read; learner tables are moved, not copied.
import { parentPort, workerData } from 'node:worker_threads';
import { readPartnerExports, type LoadPlan } from '../src/lib/ingest/load-data.ts';
import { fsDataSource } from './io/fs-data-source.ts';
import { STOP, takeJob, type SentResult, type WorkerInput, type WorkerReply } from './load-parallel.ts';

const { dir, programme, files, jobs, shared } = workerData as WorkerInput;
const post = (reply: WorkerReply, moved: ArrayBuffer[] = []) => parentPort!.postMessage(reply, moved);
try {
  const plan: LoadPlan = { source: fsDataSource(dir), programme, files, problems: [] };
  let read = 0;
  for (let job = takeJob(shared, jobs.length); job < jobs.length; job = takeJob(shared, jobs.length)) {
    const moved: ArrayBuffer[] = [];
    const results = readPartnerExports(plan, jobs[job]).map((r): SentResult => {
      const learners = r.learners && r.learners.toData();
      if (learners) moved.push(learners.table.buffer as ArrayBuffer);
      return { ...r, learners };
    });
    post({ job, results }, moved);
    read++;
  }
  post({ done: true, jobs: read });
} catch (e) {
  Atomics.store(shared, STOP, 1);
  const error = e instanceof Error ? e : new Error(String(e));
  post({ error: { message: error.message, stack: error.stack ?? '', code: (error as NodeJS.ErrnoException).code } });
}
