// Every page in dist/ passes the Nu Html Checker (the W3C's HTML validator, vnu.jar from the
// vnu-jar package, run by the system's Java): all pages of every kind in fi, sv and en in one
// JVM run (starting Java costs more than checking a page), with the site's stylesheets and SVG
// images (its CSS and SVG checkers). Hand-made files go into the same run, faulty ones and a clean
// one, so the test shows the checker reports errors and would fail.
// Errors fail; so does every warning but those in ALLOWED_WARNINGS, each with its reason.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIST = resolve(process.env.DASHBOARD_OUT_DIR ?? 'dist');
const JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface NuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/**
 * Warnings we accept, each for a reason. The checker reads files at file: addresses, whose origin
 * is opaque, so a Content-Security-Policy meta tag's 'self' matches nothing there and it reports our
 * own stylesheets and scripts as blocked; served over HTTP they are same-origin and load
 * (tests/browser/csp.test.ts loads the checker page under this policy and watches for violations).
 * A `<script type="application/json">` data block is never run, so script-src does not apply to it.
 */
const ALLOWED_WARNINGS: { message: RegExp; extract?: RegExp; why: string }[] = [
  { message: /^Resource violates Content Security Policy \(meta tag\): external (?:stylesheet|script) “\/[^/“”][^“”]*” blocked by “(?:style|script)-src” directive\.$/, why: "a site path is same-origin ('self') when served; the checker reads file: addresses" },
  { message: /^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src” directive/, extract: /<script type="application\/json"/, why: 'the inline script is a JSON data block, which CSP does not block' },
];
const allowed = (m: NuMessage) => ALLOWED_WARNINGS.some((a) => a.message.test(m.message) && (!a.extract || a.extract.test(m.extract ?? '')));

const tmp = mkdtempSync(join(tmpdir(), 'nu-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const FAULTY = join(tmp, 'faulty.html');
const CLEAN = join(tmp, 'clean.html');
const FAULTY_CSS = join(tmp, 'faulty.css');
const FAULTY_SVG = join(tmp, 'faulty.svg');
writeFileSync(FAULTY, '<!doctype html><html lang="fi"><head><title>t</title></head><body><img src="a.png"><p id="a">1</p><p id="a">2</p><div><span>3</div></body></html>');
writeFileSync(FAULTY_CSS, 'a { colr: red; }\n');
writeFileSync(FAULTY_SVG, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><foo/></svg>');
const FAULTY_FILES = [FAULTY, FAULTY_CSS, FAULTY_SVG];
writeFileSync(CLEAN, '<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>t</title></head><body><p id="a">1</p></body></html>');

const built = existsSync(DIST) ? readdirSync(DIST, { recursive: true, encoding: 'utf8' }).sort() : [];
const pages = built.filter((f) => f.endsWith('.html'));
const stylesheets = built.filter((f) => f.endsWith('.css'));
const svgs = built.filter((f) => f.endsWith('.svg'));
let run: { messages: NuMessage[]; checked: string[]; ms: number; error?: string };

beforeAll(() => {
  const t0 = performance.now();
  // --verbose names each file on stderr as it is checked; --stdout keeps the JSON report apart.
  // The JIT's first tier alone (with serial GC) does this short run in less than half the CPU time
  // (4.4 s against 9.0 s of user time here); its deeper frames need a larger stack than the default.
  const r = spawnSync('java', ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-jar', JAR, '--format', 'json', '--stdout', '--verbose', '--also-check-css', '--also-check-svg', ...FAULTY_FILES, CLEAN, ...[...pages, ...stylesheets, ...svgs].map((p) => join(DIST, p))], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  const fail = (error: string) => (run = { messages: [], checked: [], ms, error });
  if (r.error) return void fail(`could not run java (${r.error.message}): the Nu Html Checker needs a Java runtime 11 or later on PATH, e.g. apt-get install default-jre-headless`);
  try {
    run = { messages: (JSON.parse(r.stdout) as { messages: NuMessage[] }).messages, checked: r.stderr.split('\n').filter(Boolean), ms };
  } catch {
    fail(`the checker wrote no JSON report (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  }
}, 300_000);

/** Returns a message as a line naming the page (relative to dist/), the line and what is wrong. */
const say = (m: NuMessage) => `${m.url ? relative(DIST, fileURLToPath(m.url)) : '?'}:${m.lastLine ?? '?'}: ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}  [${(m.extract ?? '').replace(/\s+/g, ' ')}]`;
const onPage = (m: NuMessage, file: string) => m.url !== undefined && fileURLToPath(m.url) === file;

describe('the Nu Html Checker', () => {
  it('runs', () => {
    expect(run.error).toBeUndefined();
    expect(pages.length, 'run npm run build first').toBeGreaterThan(0);
  });

  it("finds the faulty files' errors and none in the clean one (the check can fail)", () => {
    const faulty = run.messages.filter((m) => onPage(m, FAULTY) && m.type === 'error').map((m) => m.message);
    expect(faulty).toContain('Duplicate ID “a”.');
    expect(faulty.some((m) => m.startsWith('An “img” element must have an “alt” attribute'))).toBe(true);
    expect(faulty.some((m) => m.startsWith('End tag “div” seen, but there were open elements'))).toBe(true);
    expect(run.messages.filter((m) => onPage(m, FAULTY_CSS) && m.type === 'error').map((m) => m.message)).toEqual(['CSS: “colr”: Property “colr” doesn\'t exist.']);
    expect(run.messages.some((m) => onPage(m, FAULTY_SVG) && m.type === 'error' && m.message.startsWith('Element “foo” not allowed as child of element “svg”'))).toBe(true);
    expect(run.messages.filter((m) => onPage(m, CLEAN))).toEqual([]);
  });

  it('checked every page, stylesheet and SVG image of dist/', () => {
    console.log(`Nu Html Checker: ${pages.length} pages, ${stylesheets.length} stylesheets and ${svgs.length} SVG images of dist/ in one run, ${(run.ms / 1000).toFixed(1)} s`);
    const checked = new Set(run.checked.map((f) => resolve(f)));
    expect([...pages, ...stylesheets, ...svgs].filter((p) => !checked.has(join(DIST, p)))).toEqual([]);
    expect(run.messages.filter((m) => m.type === 'non-document-error').map(say)).toEqual([]);
  });

  it('no page, stylesheet or SVG image has an error', () => {
    expect(run.messages.filter((m) => m.type === 'error' && !FAULTY_FILES.some((f) => onPage(m, f))).map(say)).toEqual([]);
  });

  it('no page has a warning but the allowed ones', () => {
    const kept = run.messages.filter((m) => m.type === 'info' && m.subType === 'warning' && allowed(m));
    console.log(`Nu Html Checker: ${kept.length} allowed warnings on ${new Set(kept.map((m) => m.url)).size} pages (${ALLOWED_WARNINGS.map((a) => a.why).join('; ')})`);
    expect(run.messages.filter((m) => m.type === 'info' && m.subType === 'warning' && !FAULTY_FILES.some((f) => onPage(m, f)) && !allowed(m)).map(say)).toEqual([]);
  });
});
