// A deterministic build: the same data gives byte-identical output, whenever and wherever it is
// built. A build into a fresh folder must match dist/ (built by npm test before the tests, at
// another time and path) file for file, and no text in dist/ may carry the day (or, while the data
// ends before this year, the year) it was built.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatter } from '../../src/lib/format.ts';
import { runBuild, treeDigest } from '../helpers/run-build.ts';

const TEXT = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg', '.xml', '.txt', '.webmanifest', '']);
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

/** Lists the files that differ between two trees, each with a hint of where (first differing line or byte). */
function treeDiff(a: string, b: string): string[] {
  const fa = new Set(files(a).map((f) => relative(a, f)));
  const fb = new Set(files(b).map((f) => relative(b, f)));
  const out: string[] = [];
  for (const f of [...fa].filter((f) => !fb.has(f))) out.push(`${f}: only in the first build`);
  for (const f of [...fb].filter((f) => !fa.has(f))) out.push(`${f}: only in the second build`);
  for (const f of [...fa].filter((f) => fb.has(f)).sort()) {
    const x = readFileSync(join(a, f));
    const y = readFileSync(join(b, f));
    if (x.equals(y)) continue;
    if (TEXT.has(extname(f))) {
      const lx = x.toString('utf8').split('\n');
      const ly = y.toString('utf8').split('\n');
      const i = lx.findIndex((l, k) => l !== ly[k]);
      const line = i === -1 ? lx.length : i;
      const col = [...(lx[line] ?? '')].findIndex((c, k) => c !== [...(ly[line] ?? '')][k]);
      const at = Math.max(0, col - 40);
      out.push(`${f}:${line + 1}:${col + 1}\n  - ${(lx[line] ?? '').slice(at, at + 120)}\n  + ${(ly[line] ?? '').slice(at, at + 120)}`);
    } else {
      let i = 0;
      while (i < x.length && x[i] === y[i]) i++;
      out.push(`${f}: binary, ${x.length} vs ${y.length} bytes, first difference at byte ${i}`);
    }
  }
  return out;
}

describe('the build is deterministic', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'deterministic-'));
  // npm test's own build, made minutes earlier: a second build of our own would add ten seconds
  // and compare two folders of the same depth, made in the same minute.
  const first = { out: 'dist', generated: 'src/generated' };
  const again = { data: 'data', generated: join(tmp, 'generated'), out: join(tmp, 'dist') };
  let same = false;
  // The new build stays for a look when they differ.
  afterAll(() => (same ? rmSync(tmp, { recursive: true, force: true }) : console.warn(`build kept in ${tmp}`)));

  it('a build of the same data is byte-identical to dist/', { timeout: 300_000 }, () => {
    expect(existsSync(join(first.out, 'fi', 'index.html')), 'dist/ is built by npm test before the tests: run npm run build first').toBe(true);
    const r = runBuild(again);
    expect(r.status, r.stderr || r.stdout).toBe(0);
    const stale = '(dist/ is the build npm test made before the tests: if the code or data changed since, run npm run build and try again)';
    const diff = treeDiff(first.out, again.out);
    expect(diff, `${diff.join('\n')}\n(new build in ${tmp})\n${stale}`).toEqual([]);
    expect(treeDigest(first.out)).toBe(treeDigest(again.out));
    expect(treeDigest(first.generated), stale).toBe(treeDigest(again.generated));
    same = true;
  });

  // npm test builds dist/ first: it must not carry the day (or year) it was built either.
  it('no text in dist/ carries the build date (or year)', () => {
    const now = new Date();
    const y = now.getUTCFullYear();
    const m = now.getUTCMonth() + 1;
    const d = now.getUTCDate();
    const pad = (n: number) => String(n).padStart(2, '0');
    const patterns = [
      `${y}-${pad(m)}-${pad(d)}`, // ISO
      `${y}${pad(m)}${pad(d)}`, // compact
      `${d}.${m}.${y}`, // Finnish and Swedish
      `${pad(d)}.${pad(m)}.${y}`,
      `${d}/${m}/${y}`,
      `${m}/${d}/${y}`,
    ].map((p) => new RegExp(`(?<![\\d.])${p.replace(/[./]/g, '\\$&')}(?![\\d])`));
    // The bare year only means something while the data ends before it (the demo data ends in 2024).
    const horizon = (JSON.parse(readFileSync('data/programme.json', 'utf8')) as { projectionHorizon: string }).projectionHorizon;
    if (Number(horizon.slice(0, 4)) < y) patterns.push(new RegExp(`(?<![\\w.,\\-])${y}(?![\\w])`));
    const hits: string[] = [];
    const dist = 'dist';
    expect(existsSync(join(dist, 'fi', 'index.html')), 'run npm run build first').toBe(true);
    // The accessibility statement's assessment date is programme.json's, not the clock; it may
    // well be today, so its printed forms are taken out before looking.
    const assessed = (JSON.parse(readFileSync('data/programme.json', 'utf8')) as { accessibilityAssessed?: string }).accessibilityAssessed;
    const constants = assessed ? [assessed, ...(['fi', 'sv', 'en'] as const).map((l) => formatter(l).date(assessed))] : [];
    for (const f of files(dist).filter((f) => TEXT.has(extname(f)))) {
      const text = constants.reduce((t, c) => t.split(c).join('<assessment date>'), readFileSync(f, 'utf8'));
      for (const p of patterns) {
        const m = p.exec(text);
        if (m) hits.push(`${relative(dist, f)}: …${text.slice(Math.max(0, m.index - 50), m.index + 30).replace(/\s+/g, ' ')}…`);
      }
    }
    expect(hits, hits.join('\n')).toEqual([]);
  });
});
