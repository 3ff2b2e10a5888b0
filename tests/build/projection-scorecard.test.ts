// The projection's scorecard as published: projection-methods.csv, the method column of
// backtest.csv, summary.json's projection, and the table on the method page, all telling the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/lib/contract/programme.ts';
import { t } from '../../src/lib/i18n/index.ts';
import type { MethodId } from '../../src/lib/projection/types.ts';
import type { DashboardData } from '../../src/lib/pipeline.ts';
import { leanSentence, scorecardView } from '../../src/lib/view/scorecard-view.ts';
import { pagePath } from '../../src/site/routes.ts';

// `npm test` builds dist/ from the shipped data before running these.
const read = (p: string) => readFileSync(`dist/${p}`, 'utf8');
const data = JSON.parse(readFileSync('src/generated/dashboard.json', 'utf8')) as DashboardData;
/** Returns a CSV's header and rows as cells (the published files quote nothing). */
function csv(file: string): { header: string; rows: string[][] } {
  const [header, ...lines] = read(`data/${file}`).replace(/^\ufeff/, '').trimEnd().split('\n');
  return { header, rows: lines.map((l) => l.split(',')) };
}
/** HTML text as the browser shows it. */
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe('projection-methods.csv', () => {
  const { header, rows } = csv('projection-methods.csv');
  const summary = JSON.parse(read('data/summary.json')).projection as Record<string, unknown>;

  it('has exactly the scorecard columns, one row per candidate and one chosen method', () => {
    expect(header).toBe('method,chosen,backtests,mean_abs_error_percent,bias_percent,interval_coverage_percent');
    expect(rows.map((r) => r[0])).toEqual(data.projection!.candidates.map((c) => c.method));
    expect(rows.map((r) => r[1]).filter((c) => c === 'true')).toHaveLength(1);
    expect(rows.every((r) => r[1] === 'true' || r[1] === 'false')).toBe(true);
    expect(rows.find((r) => r[1] === 'true')![0]).toBe(summary.method);
  });

  it("summary.json's projection carries the chosen row's figures", () => {
    const chosen = rows.find((r) => r[1] === 'true')!;
    const n = (cell: string) => (cell === '' ? null : Number(cell));
    expect([summary.backtests, summary.meanAbsErrorPercent, summary.biasPercent, summary.intervalCoveragePercent]).toEqual(chosen.slice(2).map(n));
    expect(summary).not.toHaveProperty('backtestMape');
  });

  it('backtest.csv names the method of every row, holds every candidate with backtests, and its errors are relative to the actual', () => {
    const bt = csv('backtest.csv');
    expect(bt.header).toBe('method,origin_month,horizon_months,predicted_credits,actual_credits,error_percent');
    const methods = new Set(bt.rows.map((r) => r[0]));
    expect([...methods]).toEqual(data.projection!.candidates.filter((c) => c.backtest.length > 0).map((c) => c.method));
    expect(bt.rows.filter((r) => r[0] === data.projection!.method)).toHaveLength(data.projection!.backtest.length);
    for (const [, , , predicted, actual, error] of bt.rows) {
      if (Number(actual) === 0) expect(error).toBe('');
      else expect(Number(error)).toBeCloseTo(((Number(predicted) - Number(actual)) / Number(actual)) * 100, 1);
    }
  });

  it("each method's scorecard figures are reproduced exactly from its rows of backtest.csv", () => {
    const bt = csv('backtest.csv');
    const round1 = (x: number) => Math.round(x * 10) / 10;
    let checked = 0;
    for (const [method, , backtests, mae, bias] of rows) {
      const own = bt.rows.filter((r) => r[0] === method && Number(r[4]) > 0).map((r) => ({ miss: Number(r[3]) - Number(r[4]), actual: Number(r[4]) }));
      // Compared over the origins all compared methods share: the file's rows are those when the counts agree.
      if (own.length === 0 || own.length !== Number(backtests)) continue;
      checked++;
      // The total miss over the total actual, as the selection scores a method (select.ts).
      const actual = own.reduce((s, b) => s + b.actual, 0);
      expect(round1((own.reduce((s, b) => s + Math.abs(b.miss), 0) / actual) * 100), `${method} mean absolute error`).toBe(Number(mae));
      expect(round1((own.reduce((s, b) => s + b.miss, 0) / actual) * 100), `${method} bias`).toBe(Number(bias));
    }
    expect(checked).toBeGreaterThan(0);
  });

  for (const lang of LANGS) {
    it(`${pagePath(lang, 'methodology')} shows the same methods in its scorecard table, the chosen one marked`, () => {
      const html = read(`${pagePath(lang, 'methodology').slice(1)}index.html`);
      const caption = t(lang, 'method.scorecard.caption');
      const table = html.match(new RegExp(`<table[^>]*>\\s*<caption[^>]*>${caption.replace(/'/g, '&#39;')}</caption>([\\s\\S]*?)</table>`))?.[1];
      expect(table, `${lang}: a <table> captioned "${caption}"`).toBeDefined();
      const heads = [...table!.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => text(m[1]));
      const view = scorecardView(data.projection!, lang);
      expect(heads).toEqual(view.table.rows.map((r) => r[0]));
      expect(heads).toHaveLength(rows.length);
      const chosenIndex = rows.findIndex((r) => r[1] === 'true');
      expect(heads[chosenIndex]).toMatch(/\(\S+\)$/);
      const shown = text(html);
      const bias = Number(rows[chosenIndex][4]);
      if (rows[chosenIndex][4] !== '') expect(shown).toContain(leanSentence(lang, bias));
      if (view.coverage) expect(shown).toContain(view.coverage);
      expect(shown).toContain(view.chosen);
      if (data.programme.demo) expect(shown).toContain(t(lang, 'method.scorecard.demo'));
      expect(html).toContain('href="/data/projection-methods.csv"');
    });
  }

  it("the method page no longer calls the chosen method by another's name", () => {
    const method: MethodId = data.projection!.method;
    const shown = text(read('en/method/index.html'));
    expect(shown).toContain(`Method: ${t('en', 'method.quoted', { method: t('en', `method.name.${method}`) })}.`);
  });
});
