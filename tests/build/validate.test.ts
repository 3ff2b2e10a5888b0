// `npm run validate` on copies of the tiny fixture (target 15 op; alpha 17,5 op and beta 0,3 op as
// of 30.6.2023, worked out by hand in tests/helpers/memory-source.ts), run as a coordinator runs it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { HEADER } from '../helpers/memory-source.ts';
import { treeDigest } from '../helpers/run-build.ts';

const NB = '\u00a0';
const work = mkdtempSync(join(tmpdir(), 'validate-'));
const data = join(work, 'data');
cpSync('tests/fixtures/tiny', data, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs the command as `npm run validate -- …args` runs it, on the temporary data folder. */
function validate(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/validate.ts', ...args], { encoding: 'utf8', env: { ...process.env, DASHBOARD_DATA_DIR: data } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const shown = (rel: string) => `${data}/snapshots/${rel}`;
/** The plausibility warning that beta, which reported on 31.3., sent nothing on 30.6. (a round of its own), in Finnish as validate says it by default. */
const betaMissing = (snapshots: string) =>
  `varoitus: ${snapshots}/2023-06-30/: 2023-06: raportointikierrokselta 2023-06-30 puuttuu aineisto: beta (${snapshots}/2023-03-31/beta.csv), vaikka aineistoja on toimitettu aiemmin (suluissa viimeisin); sääntö: samaa kuukautta koskevat aineistot sekä aineistot, joiden aineistopäivät ovat enintään 7 päivän päässä toisistaan, kuuluvat samaan kierrokseen, ja aiemmin raportoineelta korkeakoululta pitäisi olla aineisto jokaisella kierroksella`;

describe('npm run validate on an export in place', () => {
  it('prints what alpha’s June export changes and the programme’s total (fi)', () => {
    const r = validate(join(data, 'snapshots/2023-06-30/alpha.csv'));
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      betaMissing(`${data}/snapshots`),
      `${shown('2023-06-30/alpha.csv')}: ei ongelmia; verrattu edelliseen: ${shown('2023-03-31/alpha.csv')}`,
      `  lisätty: 1 suoritus, +10${NB}op`, // A4
      `  poistettu: 1 suoritus, −1${NB}op`, // A3
      '    tunnukset: A3',
      `  muutos yhteensä: +9${NB}op`,
      '  kuukaudet:',
      `    maaliskuu 2023: −1${NB}op (1 suoritus)`,
      `    kesäkuu 2023: +10${NB}op (1 suoritus)`,
      // 17,5 + 0,3 = 17,8 op of 15: 118,7 %
      `Ohjelman kokonaismäärä, kun tiedosto on paikallaan: 17,8${NB}op, 118,7${NB}% tavoitteesta 15${NB}op (tilanne 30.6.2023)`,
      '',
    ]);
  });

  it('says the same in English with --lang en', () => {
    const r = validate('--lang', 'en', join(data, 'snapshots/2023-06-30/alpha.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  withdrawn: 1 completion, -1${NB}credits\n`);
    expect(r.stdout).toContain(`    June 2023: +10${NB}credits (1 completion)\n`);
    expect(r.stdout).toContain(`Programme with the file in place: 17.8${NB}credits, 118.7% of the target 15${NB}credits (as of 30 June 2023)\n`);
  });
});

describe('npm run validate --list-changes: the withdrawn and corrected completions as a CSV to send back', () => {
  it('writes alpha’s June changes: A3 withdrawn', () => {
    const out = join(work, 'changes.csv');
    const r = validate('--lang', 'en', '--list-changes', out, join(data, 'snapshots/2023-06-30/alpha.csv'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`1 withdrawn or corrected completion written to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(
      '\ufeffchange,completion_id,completed_on_before,credits_before,completed_on_after,credits_after,line,long_past\nwithdrawn,A3,2023-03-20,1,,,,no\n',
    );
  });
});

describe('npm run validate on an export in place whose extension is in capitals (as Windows may save it)', () => {
  it('reads it as the build does, as the export in place, compared with the one before', () => {
    const caps = join(work, 'caps');
    cpSync(data, caps, { recursive: true });
    // alpha's June export under a name in capitals: the same bytes.
    writeFileSync(join(caps, 'snapshots/2023-06-30/alpha.CSV'), readFileSync(join(caps, 'snapshots/2023-06-30/alpha.csv')));
    rmSync(join(caps, 'snapshots/2023-06-30/alpha.csv'));
    const r = spawnSync(process.execPath, ['scripts/validate.ts', '--lang', 'en', join(caps, 'snapshots/2023-06-30/alpha.CSV')], { encoding: 'utf8', env: { ...process.env, DASHBOARD_DATA_DIR: caps } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${caps}/snapshots/2023-06-30/alpha.CSV: no problems; compared with the previous export: ${caps}/snapshots/2023-03-31/alpha.csv\n`);
    expect(r.stdout).not.toContain('replacing');
  });
});

describe('npm run validate on a file not yet in place (--partner --date)', () => {
  // B2 corrected 0,2 → 0,3 op; B3 (2 op, June) added.
  const file = join(work, 'beta-export.csv');
  writeFileSync(file, [HEADER, 'B1,2023-03-01,C9,Kurssi 9,2,0.1,L9', 'B2,2023-03-02,C9,Kurssi 9,2,"0,3",L8', 'B3,2023-06-10,C1,Kurssi 1,1,2,L7', ''].join('\n'));

  it('checks it as if in place, warns of the correction as the build does, and copies nothing', () => {
    const before = treeDigest(data);
    const r = validate('--partner', 'beta', '--date', '2023-06-30', file);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      `${file}: tarkistetaan tiedostona ${shown('2023-06-30/beta.csv')}`,
      // Named as given (the file), compared with the export in place before it.
      `varoitus: ${file}:3: completion_id "B2" on muuttunut tiedostosta ${shown('2023-03-31/beta.csv')}: credits 0.2 → 0.3`,
      `${file}: ei ongelmia; verrattu edelliseen: ${shown('2023-03-31/beta.csv')}`,
      `  lisätty: 1 suoritus, +2${NB}op`,
      `  korjattu: 1 suoritus, +0,1${NB}op (opintopisteet: 1, päivämäärä: 0)`,
      '    tunnukset: B2',
      `  muutos yhteensä: +2,1${NB}op`,
      '  kuukaudet:',
      `    maaliskuu 2023: +0,1${NB}op (1 suoritus)`,
      `    kesäkuu 2023: +2${NB}op (1 suoritus)`,
      // alpha 17,5 + beta 2,4 = 19,9 op of 15: 132,7 %
      `Ohjelman kokonaismäärä, kun tiedosto on paikallaan: 19,9${NB}op, 132,7${NB}% tavoitteesta 15${NB}op (tilanne 30.6.2023)`,
      '',
    ]);
    expect(treeDigest(data)).toBe(before);
    expect(existsSync(join(data, 'snapshots/2023-06-30/beta.csv'))).toBe(false);
  });

  it('says credits to the hundredth, as the partner’s own sums have them: 2,55 op added, not 2,6', () => {
    const exact = join(work, 'beta-exact.csv');
    writeFileSync(exact, [HEADER, 'B1,2023-03-01,C9,Kurssi 9,2,0.1,L9', 'B2,2023-03-02,C9,Kurssi 9,2,0.2,L8', 'B3,2023-06-10,C1,Kurssi 1,1,"2,55",L7', ''].join('\n'));
    const r = validate('--partner', 'beta', '--date', '2023-06-30', exact);
    expect(r.status, r.stderr).toBe(0);
    // alpha 17,5 + beta 0,3 + 2,55 = 20,35 op of 15: 135,7 %
    expect(r.stdout).toContain(`  lisätty: 1 suoritus, +2,55${NB}op\n`);
    expect(r.stdout).toContain(`    kesäkuu 2023: +2,55${NB}op (1 suoritus)\n`);
    expect(r.stdout).toContain(`Ohjelman kokonaismäärä, kun tiedosto on paikallaan: 20,35${NB}op, 135,7${NB}% tavoitteesta 15${NB}op (tilanne 30.6.2023)\n`);
  });

  it('refuses a file outside a snapshot folder without --partner and --date (exit 2)', () => {
    const r = validate(file);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${file}: not in a snapshot folder`);
    expect(r.stderr).toContain('usage: npm run validate');
  });
});

describe('npm run validate on a broken export', () => {
  const file = join(work, 'broken.csv');
  writeFileSync(file, [HEADER, 'B1,2023-03-01,C9,Kurssi 9,2,0.1,L9', 'B2,2023-02-30,C9,Kurssi 9,2,abc,L8', 'B1,2023-03-05,C9,Kurssi 9,9,1,L8'].join('\n'));

  it('prints every problem as the build does, exits 1 and prints no summary', () => {
    const r = validate('--lang', 'en', '--partner', 'beta', '--date', '2023-06-30', file);
    expect(r.status).toBe(1);
    const at = file;
    expect(r.stderr.split('\n')).toEqual([
      `${at}:3: completed_on: not a date (YYYY-MM-DD or d.m.yyyy) or no such day: "2023-02-30"`,
      `${at}:3: credits: not a number with at most two decimals: "abc"`,
      `${at}:4: field_code: not a field code listed in programme.json: "9" (its codes: 1, 2)`,
      '',
      // Counted by rule, each rule named in the chosen language.
      'By rule:',
      '  Column completed_on: not a date, or no such day: 1',
      '  Column credits: not a number with at most two decimals: 1',
      '  Column field_code: not one of the programme\'s fields: 1',
      'The data has 3 problems; fix them and check again.',
      '',
    ]);
    expect(r.stdout).toBe(`${file}: checked as ${shown('2023-06-30/beta.csv')}\n`);
  });

  it('exits 1 on a problem in an export in place, in Finnish by default', () => {
    const broken = join(work, 'broken-data');
    cpSync(data, broken, { recursive: true });
    const path = join(broken, 'snapshots/2023-06-30/alpha.csv');
    writeFileSync(path, `${HEADER}\nA1,2023-01-15,C1,Kurssi 1,1,0,L1\n`);
    const r = spawnSync(process.execPath, ['scripts/validate.ts', path], { encoding: 'utf8', env: { ...process.env, DASHBOARD_DATA_DIR: broken } });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${path}:2: credits: pitää olla suurempi kuin 0: "0"\n\nSäännöittäin:\n  Sarake credits: pitää olla suurempi kuin 0: 1\nAineistossa on 1 ongelma; korjaa ja tarkista uudelleen.\n`);
  });
});

describe('npm run validate as a new user tries it', () => {
  it('checks a workbook, its --date written as in the file (30.6.2023)', async () => {
    const book = join(work, 'beta.xlsx');
    const rows = [HEADER.split(','), ['B1', '2023-03-01', 'C9', 'K', 2, { type: 'Formula', value: '=0.1' }, 'L9']];
    writeFileSync(book, new Uint8Array(await writeExcelFile([{ sheet: 'Suoritukset', data: rows }] as Parameters<typeof writeExcelFile>[0]).toBuffer()));
    const r = validate('--lang', 'en', '--partner', 'beta', '--date', '30.6.2023', book);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`${book}: Suoritukset!2: cell F2 holds a formula: save the values instead (copy, then paste as values), so the export says what the file shows`);
  });

  it('a workbook sent in place of a partner’s CSV of that date replaces it (it was refused as a second export)', async () => {
    // alpha's June export as a workbook: the same four completions as alpha.csv of 30.6.2023.
    const rows = [HEADER.split(','), ['A1', '2023-01-15', 'C1', 'Kurssi 1', 1, 5, 'L1'], ['A2', '2023-02-10', 'C2', 'Kurssi 2', 2, 2.5, 'L2'], ['A4', '2023-06-01', 'C4', 'Kurssi 4', 1, 10, 'L3']];
    const book = join(work, 'alpha-june.xlsx');
    writeFileSync(book, new Uint8Array(await writeExcelFile([{ sheet: 'Suoritukset', data: rows }] as Parameters<typeof writeExcelFile>[0]).toBuffer()));
    const r = validate('--lang', 'en', '--partner', 'alpha', '--date', '30.6.2023', book);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${book}: checked as ${shown('2023-06-30/alpha.xlsx')}, replacing ${shown('2023-06-30/alpha.csv')}`);
    // Compared with alpha's March export, as the CSV is: A4 added, A3 withdrawn.
    expect(r.stdout).toContain(`${book}: no problems; compared with the previous export: ${shown('2023-03-31/alpha.csv')}`);
    expect(r.stdout).toContain(`Programme with the file in place: 17.8${NB}credits`);
  });

  it('a file named for no partner is named in Finnish too, under one rule', () => {
    const gamma = join(data, 'snapshots/2023-06-30/gamma.csv');
    cpSync(join(data, 'snapshots/2023-06-30/alpha.csv'), gamma);
    try {
      const r = validate(join(data, 'snapshots/2023-06-30/alpha.csv'));
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`${gamma}: korkeakoulua "gamma" ei ole tiedostossa programme.json (siinä luetellut korkeakoulut: alpha, beta)`);
      expect(r.stderr).toContain('Tiedoston paikka tai nimi: 1');
    } finally {
      rmSync(gamma);
    }
  });

  it('names an export left in the data folder outside snapshots/, which the build would stop on (in Finnish)', () => {
    const stray = join(data, '2023-07-31');
    cpSync(join(data, 'snapshots/2023-06-30/alpha.csv'), join(stray, 'alpha.csv'));
    try {
      const r = validate(join(data, 'snapshots/2023-06-30/alpha.csv'));
      expect(r.status).toBe(1);
      expect(r.stderr.split('\n')[0]).toBe(`${data}/2023-07-31/alpha.csv: kansion ${data}/snapshots/ ulkopuolella olevaa aineistoa ei lueta: siirrä se paikkaan ${data}/snapshots/<päivämäärä VVVV-KK-PP>/<korkeakoulu>.csv (tai .xlsx)`);
    } finally {
      rmSync(stray, { recursive: true });
    }
  });

  it('an unknown partner lists the valid ids (exit 2)', () => {
    const r = validate('--partner', 'gamma', '--date', '2023-06-30', join(work, 'beta-export.csv'));
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('--partner "gamma" is not listed in programme.json; its partners: alpha, beta');
  });

  it('takes a partner id in capitals as the id (--partner BETA)', () => {
    const r = validate('--lang', 'en', '--partner', 'BETA', '--date', '2023-06-30', join(work, 'beta-export.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(`${join(work, 'beta-export.csv')}: checked as ${shown('2023-06-30/beta.csv')}`);
  });

  it('speaks Swedish with --lang sv', () => {
    const r = validate('--lang', 'sv', join(data, 'snapshots/2023-06-30/alpha.csv'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  borttagna: 1 prestation, −1${NB}sp\n`);
  });
});

describe('npm run validate on monthly totals', () => {
  it('compares a totals export with the one before month by month, and says why', () => {
    // alpha sends totals for 31.3. (January 5 op, February 2,5 op) and 30.6. (February now 3 op,
    // June 10 op from 2 completions); beta's March export (0,3 op) stands: 5 + 3 + 10 + 0,3 = 18,3 op.
    const totals = join(work, 'totals');
    cpSync('tests/fixtures/tiny', totals, { recursive: true });
    writeFileSync(join(totals, 'snapshots/2023-03-31/alpha.csv'), 'month;field_code;credits;completions\r\n2023-01;1;5;1\r\n2023-02;2;2,5;1\r\n');
    writeFileSync(join(totals, 'snapshots/2023-06-30/alpha.csv'), 'month;field_code;credits;completions\r\n2023-01;1;5;1\r\n2023-02;2;3;1\r\n2023-06;1;10;2\r\n');
    const r = spawnSync(process.execPath, ['scripts/validate.ts', join(totals, 'snapshots/2023-06-30/alpha.csv')], { encoding: 'utf8', env: { ...process.env, DASHBOARD_DATA_DIR: totals } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const at = (rel: string) => `${totals}/snapshots/${rel}`;
    expect(r.stdout.split('\n')).toEqual([
      `varoitus: ${at('2023-06-30/alpha.csv')}:3: kuukausi 2023-02, ala 2 on muuttunut tiedostosta ${at('2023-03-31/alpha.csv')}: credits 2.5 → 3`,
      betaMissing(`${totals}/snapshots`),
      `${at('2023-06-30/alpha.csv')}: ei ongelmia; verrattu edelliseen: ${at('2023-03-31/alpha.csv')}`,
      '  kuukausisummat: verrattu kuukausittain (yksittäisiä suorituksia ei voi verrata)',
      `  muutos yhteensä: +10,5${NB}op`,
      '  kuukaudet:',
      `    helmikuu 2023: +0,5${NB}op (0 suoritusta)`,
      `    kesäkuu 2023: +10${NB}op (+2 suoritusta)`,
      `Ohjelman kokonaismäärä, kun tiedosto on paikallaan: 18,3${NB}op, 122,0${NB}% tavoitteesta 15${NB}op (tilanne 30.6.2023)`,
      '',
    ]);
  });
});


describe('npm run validate on a file broken on every row', () => {
  it('prints the first 20 problems as the build does, and counts all 25 by rule and in the total', () => {
    // 25 rows, each with credits 0: the build lists 20 and counts 5; the counts are of all 25.
    const file = join(work, 'every-row.csv');
    writeFileSync(file, [HEADER, ...Array.from({ length: 25 }, (_, i) => `Z${i + 1},2023-03-01,C9,Kurssi 9,2,0,L9`)].join('\n'));
    const r = validate('--lang', 'en', '--partner', 'beta', '--date', '2023-06-30', file);
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines.slice(0, 2)).toEqual([`${file}:2: credits: must be greater than 0: "0"`, `${file}:3: credits: must be greater than 0: "0"`]);
    expect(lines.slice(19)).toEqual([
      `${file}:21: credits: must be greater than 0: "0"`,
      `${file}: and 5 more problems in this file`,
      '',
      'By rule:',
      '  Column credits: must be greater than 0: 25',
      'The data has 25 problems; fix them and check again.',
      '',
    ]);
  });
});

describe('npm run validate on another partner’s file sent in place of alpha’s', () => {
  it('warns that all 3 of alpha’s March completions are gone, though the total grew', () => {
    // alpha on 31.3.: A1, A2, A3 (tests/fixtures/tiny); the file holds none of them, and 20 op.
    const file = join(work, 'other-partner.csv');
    writeFileSync(file, [HEADER, 'X1,2023-04-03,C1,Kurssi,1,10,L7', 'X2,2023-05-03,C1,Kurssi,1,10,L8'].join('\n'));
    const r = validate('--partner', 'alpha', '--date', '2023-06-30', file);
    expect(r.status).toBe(0);
    // beta sent nothing on 30.6.: the round is named by its folder in the data, not by the one the file came from.
    expect(r.stdout.split('\n')).toContain(betaMissing(`${data}/snapshots`));
    expect(r.stdout).toContain(`varoitus: ${file}: edellisen aineiston (${shown('2023-03-31/alpha.csv')}) 3 suorituksesta 3 puuttuu tästä aineistosta: onko tämä korkeakoulun alpha oma ja täydellinen aineisto? Sääntö: vähintään puolet edellisen aineiston suorituksista poistuu kerralla\n`);
  });
});
