// Stands in for fflate where read-excel-file's browser entry imports it (see astro.config.mjs).
// fflate's asynchronous unzip inflates an entry over 512 KB (the sheet of a workbook of a few
// thousand rows) in a Web Worker made from a blob: URL, which the checker page's policy rightly
// forbids (script-src 'self', Trusted Types): such a workbook could not be read at all. This is
// the same unzip, inflated on the page's own thread; everything else is fflate's.
import { unzipSync, type AsyncTerminable, type AsyncUnzipOptions, type FlateError, type UnzipCallback } from 'fflate';

export * from 'fflate';

/** Unzips `data` as fflate's `unzip` does, answering through `cb` after the current task. */
export function unzip(data: Uint8Array, opts: AsyncUnzipOptions | UnzipCallback, cb?: UnzipCallback): AsyncTerminable {
  const [options, done] = typeof opts === 'function' ? [{}, opts] : [opts, cb!];
  let cancelled = false;
  queueMicrotask(() => {
    if (cancelled) return;
    try {
      done(null, unzipSync(data, options));
    } catch (e) {
      done(e as FlateError, {});
    }
  });
  return () => {
    cancelled = true;
  };
}
