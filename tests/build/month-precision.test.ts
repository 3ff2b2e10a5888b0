import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chartImagePath, SOCIAL_SIZE, socialImagePath } from '../../src/lib/charts/images.ts';
import { CHART_IDS } from '../../src/lib/view/chart-view.ts';
import { LANGS, type Lang } from '../../src/lib/contract/programme.ts';
import { embedPath, feedPath, pagePath } from '../../src/site/routes.ts';
import { parseAtom } from '../helpers/atom.ts';
import { HEADER, tinyProgramme } from '../helpers/memory-source.ts';
import { pngSize } from '../helpers/png-size.ts';
import { runBuild } from '../helpers/run-build.ts';

// The tiny programme (target 15). Alpha sends monthly totals: 5 in January, 2,5 in February and,
// in its June export, 10 in June; beta sends completions with learner ids: 0,5 + 1 in March and
// 1 more in July. By the end of May 5 + 2,5 + 1,5 = 9; June's totals take it to 19, so the target
// is passed in June, on a day the totals do not tell. As of 15.7.2023: 17,5 + 2,5 = 20.
const NB = '\u00a0';
const totals = (...rows: string[]) => ['month;field_code;credits;completions', ...rows].join('\r\n');
const csv = (...rows: string[]) => [HEADER, ...rows].join('\n');
const files: Record<string, string> = {
  '2023-03-31/alpha.csv': totals('2023-01;1;5;2', '2023-02;2;2,5;1'),
  '2023-03-31/beta.csv': csv('B1,2023-03-01,C9,K,2,0.5,L9', 'B2,2023-03-02,C9,K,2,1,L8'),
  '2023-06-30/alpha.csv': totals('2023-01;1;5;2', '2023-02;2;2,5;1', '2023-06;1;10;1'),
  '2023-07-15/beta.csv': csv('B1,2023-03-01,C9,K,2,0.5,L9', 'B2,2023-03-02,C9,K,2,1,L8', 'B3,2023-07-10,C8,K,1,1,L7'),
};

const work = mkdtempSync(join(tmpdir(), 'dashboard-month-'));
const env = { data: join(work, 'data'), generated: join(work, 'generated'), out: join(work, 'dist') };
const read = (path: string) => readFileSync(join(env.out, path), 'utf8');
const page = (path: string) => read(`${path.slice(1)}index.html`);
/** The text a reader sees of some HTML: tags dropped, white space collapsed (no-break spaces kept: `\s` would match them). */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/[ \t\r\n]+/g, ' ').trim();
/** The text of the headline's "reached" figure (label and value) on a page. */
const reachedFigure = (html: string) => text(/<li[^>]*>((?:(?!<\/li>)[\s\S])*data-figure="reached"[\s\S]*?)<\/li>/.exec(html)?.[1] ?? '');

const words: Record<Lang, { reached: string; summary: string; crossed: string; learners: string }> = {
  fi: {
    reached: 'Tavoite saavutettiin kesäkuussa 2023',
    summary: `Kertyneet opintopisteet ylittivät 15${NB}op:n tavoitteen kesäkuussa 2023, ja 15.7.2023 mennessä niitä oli 20${NB}op.`,
    crossed: 'Tavoite ylittyi kesäkuussa 2023',
    learners: 'Oppijamäärää ei julkaista: Alpha toimittaa kuukausisummat, joista eri oppijoita ei voi laskea.',
  },
  sv: {
    reached: 'Målet uppnåddes i juni 2023',
    summary: `De ackumulerade studiepoängen passerade målet på 15${NB}sp i juni 2023 och uppgick den 15.7.2023 till sammanlagt 20${NB}sp.`,
    crossed: 'Målet passerades i juni 2023',
    learners: 'Antalet studerande publiceras inte: Alpha lämnar månadssummor, ur vilka olika studerande inte kan räknas.',
  },
  en: {
    reached: 'Target reached in June 2023',
    summary: `Cumulative credits passed the target of 15${NB}credits in June 2023; 20${NB}credits by 15 July 2023.`,
    crossed: 'Target passed in June 2023',
    learners: 'Learner numbers are not published: Alpha sends monthly totals, from which distinct learners cannot be counted.',
  },
};

describe('a programme whose crossing month stands on monthly totals says the month, and why learners are not counted', () => {
  let build: ReturnType<typeof runBuild>;
  beforeAll(() => {
    mkdirSync(env.data, { recursive: true });
    writeFileSync(join(env.data, 'programme.json'), JSON.stringify(tinyProgramme));
    for (const [rel, body] of Object.entries(files)) {
      mkdirSync(join(env.data, 'snapshots', rel.split('/')[0]), { recursive: true });
      writeFileSync(join(env.data, 'snapshots', rel), body);
    }
    build = runBuild(env);
  }, 300_000);

  it('builds, images and all', () => {
    expect([build.status, build.stderr]).toEqual([0, '']);
    for (const lang of LANGS) {
      expect(pngSize(join(env.out, socialImagePath(lang)))).toEqual(SOCIAL_SIZE);
      for (const id of CHART_IDS) pngSize(join(env.out, chartImagePath(lang, id, 'light', 'wide')));
    }
  });

  it('summary.json gives the month and no day, and null learners but for the partner that sends completions', () => {
    const s = JSON.parse(read('data/summary.json'));
    expect(s).toMatchObject({ asOf: '2023-07-15', totalCredits: 20, targetReachedOn: null, targetReachedMonth: '2023-06', learners: null });
    expect(s.partners.map((p: { id: string; learners: unknown }) => [p.id, p.learners])).toEqual([
      ['alpha', null],
      ['beta', '<5'],
    ]);
    expect(s.fields.map((f: { learners: unknown }) => f.learners)).toEqual([null, null]);
  });

  it.each(LANGS)('%s: the headline, the chart summary and the chart label say the month', (lang) => {
    const html = page(pagePath(lang, 'dashboard'));
    expect(reachedFigure(html)).toBe(words[lang].reached);
    expect(html).toContain('<time datetime="2023-06"');
    expect(text(html)).toContain(words[lang].summary);
    expect(html).toContain(`"crossed":"${words[lang].crossed}"`);
  });

  it.each(LANGS)('%s: the report and the card embed say it in the same words', (lang) => {
    expect(reachedFigure(page(pagePath(lang, 'report')))).toBe(words[lang].reached);
    expect(text(page(pagePath(lang, 'report')))).toContain(words[lang].summary);
    expect(text(page(embedPath(lang, 'card')))).toContain(words[lang].reached);
  });

  it.each(LANGS)('%s: the open data page says why the learners are null, once', (lang) => {
    const notes = [...page(pagePath(lang, 'data')).matchAll(/<p class="learners-null"[^>]*>([^<]*)<\/p>/g)].map((m) => m[1]);
    expect(notes).toEqual([words[lang].learners]);
  });

  it('the feed dates the target by the last day of June, from the data', () => {
    const entry = parseAtom(read(feedPath('fi').slice(1))).entries.find((e) => e.id.endsWith('/target'));
    expect(entry?.title).toBe(`Tavoite 15${NB}op saavutettiin kesäkuussa 2023`);
    expect(entry?.updated).toBe('2023-06-30T00:00:00.000Z');
  });
});
