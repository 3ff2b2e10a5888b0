import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Aggregates } from '../../src/lib/aggregate/aggregate.ts';
import { openDataFiles } from '../../src/lib/publish/open-data.ts';
import { summaryOf } from '../../src/lib/pipeline.ts';
import { parseProgramme } from '../../src/lib/contract/programme.ts';
import { DataError } from '../../src/lib/contract/problems.ts';
import { tinyProgramme } from '../helpers/memory-source.ts';
import { parseAtom } from '../helpers/atom.ts';
import { runBuild } from '../helpers/run-build.ts';

// Text from programme.json and the snapshots is shown in pages, chart labels and open data. It is
// data, never markup or a formula: these values try to be both.
const SCRIPT = '<script>alert("x")</script>';
const IMG = '"><img src=x onerror=alert(1)>';

const walk = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]));

interface Tag {
  name: string;
  attrs: string[];
  /** For <script>: its raw content. */
  text: string;
}

/**
 * Returns the start tags of an HTML document as a browser reads them: quoted attribute values may
 * hold "<" and ">" (harmless there), and the content of <script> and <style> is raw text.
 */
function startTags(html: string): Tag[] {
  const tags: Tag[] = [];
  const attr = /\s*([^\s=>/"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?|\s*\/|\s+/y;
  for (let i = html.indexOf('<'); i >= 0; i = html.indexOf('<', i + 1)) {
    const m = /^<([a-zA-Z][\w-]*)/.exec(html.slice(i, i + 64));
    if (!m) continue;
    const tag: Tag = { name: m[1].toLowerCase(), attrs: [], text: '' };
    attr.lastIndex = i + m[0].length;
    while (attr.lastIndex < html.length && html[attr.lastIndex] !== '>') {
      const a = attr.exec(html);
      if (!a) break;
      if (a[1]) tag.attrs.push(a[1].toLowerCase());
    }
    i = attr.lastIndex;
    if (tag.name === 'script' || tag.name === 'style') {
      const end = html.indexOf(`</${tag.name}`, i);
      tag.text = html.slice(i + 1, end);
      i = end;
    }
    tags.push(tag);
  }
  return tags;
}

describe('a build whose programme.json and snapshots try to inject markup', () => {
  const work = mkdtempSync(join(tmpdir(), 'dashboard-injection-'));
  const env = { data: join(work, 'data'), generated: join(work, 'generated'), out: join(work, 'dist') };
  let build: ReturnType<typeof runBuild>;
  beforeAll(() => {
    cpSync('tests/fixtures/tiny', env.data, { recursive: true });
    const programme = JSON.parse(readFileSync(join(env.data, 'programme.json'), 'utf8'));
    programme.partners[0].shortName = `Alpha ${SCRIPT}`;
    programme.partners[0].name = { fi: `Alpha ${IMG}`, sv: `Alpha ${SCRIPT}`, en: `Alpha ${IMG}` };
    programme.fields[0].name = { fi: `Ala ${IMG}`, sv: `Ala ${SCRIPT}`, en: `Ala ${IMG}` };
    writeFileSync(join(env.data, 'programme.json'), JSON.stringify(programme, null, 2));
    const csv = join(env.data, 'snapshots/2023-06-30/alpha.csv');
    writeFileSync(csv, `${readFileSync(csv, 'utf8')}\nA5,2023-06-02,C5,"${SCRIPT.replaceAll('"', '""')} ${IMG.replaceAll('"', '""')}",1,1,L5\n`);
    build = runBuild(env);
  }, 300_000);

  it('builds', () => {
    expect(build.stderr).toBe('');
    expect(build.status).toBe(0);
  });

  it('shows the names as text in every page: no element, event handler or script comes from them', () => {
    const pages = walk(env.out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) {
      const tags = startTags(readFileSync(page, 'utf8'));
      expect(tags.length, page).toBeGreaterThan(10);
      expect(tags.flatMap((t) => t.attrs.filter((a) => a.startsWith('on'))), page).toEqual([]);
      // Only JSON data (chart series, the checker's programme; "<" written \u003c) may mention the names.
      for (const script of tags.filter((t) => t.name === 'script' && t.text.includes('alert('))) {
        expect(script.attrs.filter((a) => a === 'data-series' || a === 'data-checker'), page).toHaveLength(1);
        expect(script.text, page).not.toContain('<');
      }
    }
    const fi = readFileSync(join(env.out, 'fi/index.html'), 'utf8');
    expect(fi).toContain('Alpha &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });

  it('the reader of these tests would notice a live <img onerror> (the tag reader is not blind)', () => {
    const tags = startTags(`<p title="a > b <img onerror=x>">x</p><img src=x onerror=alert(1)><script>alert(1)</script>`);
    expect(tags.map((t) => [t.name, t.attrs])).toEqual([
      ['p', ['title']],
      ['img', ['src', 'onerror']],
      ['script', []],
    ]);
  });

  it('embeds chart series (labels included) as JSON that cannot close its <script> element', () => {
    const fi = readFileSync(join(env.out, 'fi/index.html'), 'utf8');
    const blocks = [...fi.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) expect(b).not.toContain('<');
    expect(blocks.join('')).toContain('\\u003cimg src=x onerror');
  });

  it('gives the names as text in every Atom feed, the partners’ too: their HTML titles and contents escape them', () => {
    const feeds = walk(env.out).filter((f) => f.endsWith('feed.xml'));
    // A feed per language, and one per partner in each.
    expect(feeds).toHaveLength(3 * (1 + 2));
    for (const file of feeds)
      for (const e of parseAtom(readFileSync(file, 'utf8')).entries) {
        expect(e.title, file).not.toMatch(/<img|<script/);
        expect(e.content, file).not.toMatch(/<img|<script/);
      }
    const alpha = parseAtom(readFileSync(join(env.out, 'fi/korkeakoulut/alpha/feed.xml'), 'utf8'));
    expect(alpha.authors).toEqual([`Alpha ${IMG}`]);
    expect(alpha.entries[0].title).toContain('Alpha "&gt;&lt;img src=x onerror=alert(1)&gt;, aineistopäivä');
  });

  it('publishes no course name (the injected one included) in any file', () => {
    for (const f of [...walk(env.out), ...walk(env.generated)]) expect(readFileSync(f).toString('latin1'), f).not.toContain('onerror=alert(1)"');
    for (const f of walk(join(env.out, 'data'))) expect(readFileSync(f, 'utf8'), f).not.toContain('alert');
  });
});

describe('open data CSV cannot start a spreadsheet formula', () => {
  const agg = (partner: string): Aggregates => ({
    programme: 'x',
    asOf: '2023-06-30',
    demo: false,
    targetCredits: 1,
    totalCredits: 1,
    percentOfTarget: 100,
    completions: 1,
    targetReachedOn: null,
    targetReachedMonth: null,
    totalsPartners: [],
    learners: null,
    partners: [],
    fields: [],
    cumulative: [],
    monthly: [{ month: '2023-06', partner, fieldCode: 1, credits: 1, completions: 1 }],
    snapshots: [],
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `2023-06,"'=HYPERLINK(""http://evil.example"",""x"")",1,1,1`],
    ['+1+1', "2023-06,'+1+1,1,1,1"],
    ['-1+1', "2023-06,'-1+1,1,1,1"],
    ['@SUM(A1)', "2023-06,'@SUM(A1),1,1,1"],
    ['\tx', "2023-06,'\tx,1,1,1"],
  ])('a partner %j reaches monthly.csv neutralised with a leading apostrophe', (partner, line) => {
    const a = agg(partner);
    expect(openDataFiles(summaryOf(a, [], null, { asOf: a.asOf, intervalDays: 45, partners: [], behind: [], provisional: false }), { aggregates: a, projection: null, history: [] })['monthly.csv'].split('\n')[1]).toBe(line);
  });

  it('and such a partner id is refused in programme.json before it could get there', () => {
    const bad = { ...tinyProgramme, partners: [{ ...tinyProgramme.partners[0], id: '=cmd' }] };
    expect(() => parseProgramme(bad, 'programme.json')).toThrow(DataError);
  });
});
