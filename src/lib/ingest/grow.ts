/**
 * Growing typed arrays without leaving the old one behind. An array that doubles as rows come
 * would otherwise leave its old buffers (as much again as it holds) for the garbage collector,
 * which frees large buffers only at a full collection: at national scale, tens of megabytes a
 * thread. `ArrayBuffer.prototype.transfer` moves the contents and frees the old buffer at once.
 */

/** Returns `a` with room for `length` elements, its contents kept (the rest zero); `a` is left empty. */
export function growInt32(a: Int32Array, length: number): Int32Array<ArrayBuffer> {
  return new Int32Array((a.buffer as ArrayBuffer).transfer(length * 4));
}

/** Returns `a` with room for `length` bytes, its contents kept (the rest zero); `a` is left empty. */
export function growBytes(a: Uint8Array, length: number): Uint8Array<ArrayBuffer> {
  return new Uint8Array((a.buffer as ArrayBuffer).transfer(length));
}

/** Frees the buffer of an array no longer needed, now rather than at the next full collection; `a` is left empty. */
export function release(a: Int32Array | Uint32Array | Uint8Array): void {
  (a.buffer as ArrayBuffer).transfer(0);
}
