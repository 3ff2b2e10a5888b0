import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Runs the real build (`node scripts/build.ts`) with its folders overridden; returns its exit and output. */
export function runBuild(env: { data: string; generated: string; out: string }, script = 'scripts/build.ts') {
  const r = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DASHBOARD_DATA_DIR: env.data,
      DASHBOARD_GENERATED_DIR: env.generated,
      DASHBOARD_OUT_DIR: env.out,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Returns a digest of every file's path and bytes under a folder. */
export function treeDigest(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));
  for (const f of walk(dir).sort()) h.update(relative(dir, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}
