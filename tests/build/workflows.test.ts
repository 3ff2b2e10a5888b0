// Publishing: the GitHub Pages workflow and the GitLab Pages job run the README's own set-up and
// build commands on a push to main and on a schedule, with SITE_URL from the Pages address; and
// a build without SITE_URL says once what needs it.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuild } from '../helpers/run-build.ts';

type Yaml = Record<string, unknown>;
interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Yaml;
  env?: Record<string, string>;
}

/**
 * Returns the README's set-up and build commands: the first command line of "The two commands",
 * split at `&&`, without its last command, which serves the built site.
 */
function readmeCommands(): string[] {
  const section = readFileSync('README.md', 'utf8').split(/^## /m).find((s) => s.startsWith('The two commands'));
  const block = section && /```sh\n([\s\S]*?)```/.exec(section)?.[1];
  const line = block?.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (!line) throw new Error('README.md: no command line under "## The two commands"');
  return splitCommands(line).slice(0, -1);
}

/** Returns the commands of a shell script, one per line or `&&`. */
const splitCommands = (script: string): string[] =>
  script
    .split(/\n|&&/)
    .map((c) => c.trim())
    .filter((c) => c !== '' && !c.startsWith('#'));

/** Returns true when `want` appear in `commands` in this order (other commands may come between). */
function runsInOrder(commands: readonly string[], want: readonly string[]): boolean {
  let i = 0;
  for (const c of commands) if (c === want[i]) i++;
  return i === want.length;
}

const load = (path: string) => parse(readFileSync(path, 'utf8')) as Yaml;
const README = readmeCommands();

describe('the README names its set-up and build commands', () => {
  it('in "The two commands"', () => {
    expect(README.length).toBeGreaterThan(0);
  });
});

describe('.github/workflows/pages.yml', () => {
  const wf = load('.github/workflows/pages.yml');
  const on = wf.on as { push?: { branches?: string[] }; schedule?: { cron: string }[] };
  const jobs = wf.jobs as Record<string, { steps: Step[]; needs?: string | string[]; env?: Record<string, string> }>;
  const build = Object.values(jobs).find((j) => j.steps.some((s) => s.run && runsInOrder(splitCommands(s.run), README)));

  it('runs on a push to main and on a schedule', () => {
    expect(on.push?.branches).toContain('main');
    expect(on.schedule?.length).toBeGreaterThan(0);
    for (const s of on.schedule ?? []) expect(s.cron.trim().split(/\s+/)).toHaveLength(5);
  });

  it('runs the README’s set-up and build commands in one job', () => {
    expect(build, `no job runs ${README.join(' && ')}`).toBeDefined();
  });

  it('sets SITE_URL for the build from configure-pages’ base_url', () => {
    const steps = build!.steps;
    const pages = steps.find((s) => s.uses?.startsWith('actions/configure-pages@'));
    expect(pages?.id).toBeDefined();
    const run = steps.find((s) => s.run && runsInOrder(splitCommands(s.run), README))!;
    const url = run.env?.SITE_URL ?? build!.env?.SITE_URL;
    expect(url?.replace(/\s/g, '')).toBe(`\${{steps.${pages!.id}.outputs.base_url}}`);
    expect(steps.indexOf(pages!)).toBeLessThan(steps.indexOf(run));
  });

  it('uploads dist/ after the build and deploys it to GitHub Pages', () => {
    const steps = build!.steps;
    const upload = steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with?.path).toBe('dist');
    expect(steps.indexOf(upload!)).toBeGreaterThan(steps.findIndex((s) => s.run?.includes('npm run build')));
    const buildName = Object.keys(jobs).find((k) => jobs[k] === build)!;
    const deploy = Object.values(jobs).find((j) => j.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@')));
    expect([deploy?.needs].flat()).toContain(buildName);
    expect(wf.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });
});

describe('.gitlab-ci.yml', () => {
  const ci = load('.gitlab-ci.yml');
  const pages = ci.pages as { variables?: Record<string, string>; script: string[]; artifacts: { paths: string[] }; rules: { if: string }[] };
  const commands = pages.script.flatMap(splitCommands);

  it('has a pages job that runs the README’s set-up and build commands, then moves dist/ to public/', () => {
    expect(runsInOrder(commands, [...README, 'mv dist public']), commands.join('\n')).toBe(true);
    expect(pages.artifacts.paths).toContain('public');
  });

  it('sets SITE_URL from the Pages address', () => {
    expect(pages.variables?.SITE_URL).toBe('$CI_PAGES_URL');
  });

  it('runs on a push to main and on a schedule (set up under Build → Pipeline schedules)', () => {
    const rules = pages.rules.map((r) => r.if.replace(/\s+/g, ' '));
    expect(rules).toContain('$CI_PIPELINE_SOURCE == "push" && $CI_COMMIT_BRANCH == "main"');
    expect(rules.some((r) => r.includes('$CI_PIPELINE_SOURCE == "schedule"'))).toBe(true);
  });
});

describe('a data change in a pull or merge request is checked with npm run validate', () => {
  const script = readFileSync('.ci/validate-changes', 'utf8');
  // The README's command, as its "Check an export" section gives it.
  const readmeValidate = /npm run validate -- /.test(readFileSync('README.md', 'utf8'));

  it('.ci/validate-changes runs the README’s validate on the added and changed exports and writes its summary', () => {
    expect(readmeValidate).toBe(true);
    expect(script).toContain('git diff --name-only --diff-filter=AMR "origin/$base" -- data/snapshots');
    expect(script).toContain('npm run --silent validate -- "${files[@]}"');
    expect(script).toMatch(/>> "\$summary"/);
    expect(script).toContain('exit "$status"');
  });

  it('.ci/validate-changes in a repository whose branch changes an export: the summary says what changed, or the problems (exit 1)', { timeout: 120_000 }, () => {
    // A repository of its own (the tiny programme as data/), its main as the base, then a branch.
    const repo = mkdtempSync(join(tmpdir(), 'validate-changes-'));
    try {
      for (const d of ['.ci', 'scripts', 'src', 'tools']) cpSync(d, join(repo, d), { recursive: true });
      cpSync('package.json', join(repo, 'package.json'));
      cpSync('tests/fixtures/tiny', join(repo, 'data'), { recursive: true });
      symlinkSync(resolve('node_modules'), join(repo, 'node_modules'));
      const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], { cwd: repo, encoding: 'utf8' });
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-q', '-m', 'base');
      git('remote', 'add', 'origin', '.');
      git('checkout', '-q', '-b', 'new-export');
      const run = () => spawnSync('.ci/validate-changes', ['summary.md', 'main'], { cwd: repo, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
      // alpha's June export (no line end after its last row) gains A5 (3 op, June).
      appendFileSync(join(repo, 'data/snapshots/2023-06-30/alpha.csv'), '\nA5,2023-06-20,C1,Kurssi 1,1,3,L5\n');
      const good = run();
      expect(good.status, good.stderr + good.stdout).toBe(0);
      const summary = readFileSync(join(repo, 'summary.md'), 'utf8');
      expect(summary).toContain('## ✅ The data is good');
      expect(summary).toContain('`npm run validate -- data/snapshots/2023-06-30/alpha.csv`');
      expect(summary).toContain('  lisätty: 2 suoritusta, +13\u00a0op');
      writeFileSync(join(repo, 'summary.md'), '');
      appendFileSync(join(repo, 'data/snapshots/2023-06-30/alpha.csv'), 'A6,2023-06-21,C1,Kurssi 1,1,0,L6\n');
      const bad = run();
      expect(bad.status).toBe(1);
      expect(readFileSync(join(repo, 'summary.md'), 'utf8')).toContain('data/snapshots/2023-06-30/alpha.csv:6: credits: pitää olla suurempi kuin 0: "0"');
      // The same export put in data/2023-07-31/ instead of data/snapshots/2023-07-31/: named, not left out.
      git('checkout', '-q', '--', 'data');
      writeFileSync(join(repo, 'summary.md'), '');
      mkdirSync(join(repo, 'data/2023-07-31'));
      cpSync(join(repo, 'data/snapshots/2023-06-30/alpha.csv'), join(repo, 'data/2023-07-31/alpha.csv'));
      git('add', '-A');
      git('commit', '-q', '-m', 'misplaced');
      const misplaced = run();
      expect(misplaced.status).toBe(1);
      const said = readFileSync(join(repo, 'summary.md'), 'utf8');
      expect(said).toContain('## ❌ The data has problems');
      expect(said).toContain('data/2023-07-31/alpha.csv: an export outside data/snapshots/ is not read');
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  it('GitHub: on a pull request touching data/, after npm ci, into $GITHUB_STEP_SUMMARY', () => {
    const wf = load('.github/workflows/data-check.yml');
    const on = wf.on as { pull_request?: { paths?: string[] } };
    expect(on.pull_request?.paths).toEqual(['data/**']);
    const steps = Object.values(wf.jobs as Record<string, { steps: Step[] }>)[0].steps;
    const install = steps.findIndex((s) => s.run === 'npm ci');
    const check = steps.findIndex((s) => s.run?.startsWith('.ci/validate-changes'));
    expect(install).toBeGreaterThanOrEqual(0);
    expect(check).toBeGreaterThan(install);
    expect(steps[check].run).toBe('.ci/validate-changes "$GITHUB_STEP_SUMMARY" "$GITHUB_BASE_REF"');
    // The base branch must be there to diff against.
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
  });

  it('GitLab: a merge-request job on data/ changes, its summary exposed on the merge request', () => {
    const job = load('.gitlab-ci.yml').validate as { script: string[]; rules: { if: string; changes?: string[] }[]; artifacts: { paths: string[]; expose_as?: string; when?: string } };
    const commands = job.script.flatMap(splitCommands);
    expect(runsInOrder(commands, ['npm ci', '.ci/validate-changes validate-summary.md "$CI_MERGE_REQUEST_TARGET_BRANCH_NAME"'])).toBe(true);
    expect(job.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"', changes: ['data/**/*'] }]);
    expect(job.artifacts).toMatchObject({ paths: ['validate-summary.md'], when: 'always' });
    expect(job.artifacts.expose_as).toBeTruthy();
  });
});

// A build with SITE_URL says nothing of it: tests/build/site-url.test.ts checks that on its build.
describe('a build without SITE_URL', () => {
  const work = mkdtempSync(join(tmpdir(), 'site-url-'));
  const site = process.env.SITE_URL;
  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    if (site === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = site;
  });
  const build = (name: string) => runBuild({ data: 'tests/fixtures/tiny', generated: join(work, `gen-${name}`), out: join(work, `dist-${name}`) });
  const warnings = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('warning: SITE_URL'));

  it('warns once, naming what needs the address', { timeout: 300_000 }, () => {
    delete process.env.SITE_URL;
    const r = build('none');
    expect(r.status, r.stderr).toBe(0);
    const w = warnings(r.stdout);
    expect(w).toHaveLength(1);
    for (const what of ['embed snippets', 'feeds', 'oEmbed', 'social images']) expect(w[0]).toContain(what);
  });
});
