import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Workbook } from '../../src/lib/ingest/workbook.ts';

const WORKER = new URL('./workbook-worker.ts', import.meta.url);

/**
 * Returns the sheets of an .xlsx file's bytes, read by read-excel-file. That library answers with a
 * promise, and the loader (loadData) is synchronous, as the build and every tool call it: so the
 * file is read on a worker thread while this one waits on a shared flag, and the answer is taken
 * off the channel (dates stay dates: a message is a structured clone). A workbook costs a thread
 * start (some tens of ms); partners send few.
 */
export function readWorkbookSync(bytes: Uint8Array): Workbook {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER, { workerData: { bytes, port: port2, signal }, transferList: [port2] });
  try {
    if (Atomics.wait(signal, 0, 0, 120_000) === 'timed-out') throw new Error('the workbook reader gave no answer in 2 minutes');
    const message = receiveMessageOnPort(port1);
    if (!message) throw new Error('the workbook reader stopped without an answer');
    return message.message as Workbook;
  } finally {
    void worker.terminate();
    port1.close();
  }
}
