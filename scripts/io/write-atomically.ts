import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes every file under a fresh temporary folder, then swaps it in for `target` in one rename,
 * so a failure part-way leaves the previous output untouched.
 */
export function replaceFolder(target: string, files: Record<string, string | Uint8Array>): void {
  const tmp = `${target}.tmp`;
  const old = `${target}.old`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [name, content] of Object.entries(files)) {
    const path = join(tmp, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  swapIn(tmp, target, old);
}

/** Moves a finished folder into place, keeping the old one until the new one is there. */
export function swapIn(ready: string, target: string, old = `${target}.old`): void {
  rmSync(old, { recursive: true, force: true });
  try {
    renameSync(target, old);
  } catch {
    // no previous output: nothing to keep
  }
  renameSync(ready, target);
  rmSync(old, { recursive: true, force: true });
}
