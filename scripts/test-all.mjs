// The one test command (`npm test`): three static checks (typecheck, lint, formatting), then the
// Vitest unit suite and the Playwright browser suite (always all of them). Each check counts as
// one test; the suites' JSON reports give theirs. It ends with one plain line,
// `N passed, N failed` (plus `, N skipped` when any were skipped), for CI to read.
// Exits non-zero when a check or a test failed, a runner crashed or wrote no report, or no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'test-results');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs one runner; its report is removed first so a stale one is never read. */
function run(label, command, args, reportPath, parse) {
  rmSync(reportPath, { force: true });
  console.log(`\n=== ${label} ===`);
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const exitCode = child.status ?? 1;
  let counts = { passed: 0, failed: 0, skipped: 0 };
  const problems = [];
  if (child.error) problems.push(`could not start: ${child.error.message}`);
  if (existsSync(reportPath)) {
    try {
      counts = parse(JSON.parse(readFileSync(reportPath, 'utf8')));
    } catch (error) {
      problems.push(`unreadable report ${reportPath}: ${error.message}`);
    }
  } else {
    problems.push(`wrote no report at ${reportPath}`);
  }
  if (exitCode !== 0 && counts.failed === 0) {
    problems.push(`exited with code ${exitCode} without a failing test`);
  }
  // A crash or a missing report counts as one failure so the totals line agrees with the exit.
  if (problems.length > 0 && counts.failed === 0) counts.failed = 1;
  for (const problem of problems) console.error(`${label}: ${problem}`);
  return { label, exitCode, counts, ok: exitCode === 0 && problems.length === 0 };
}

/**
 * Vitest's JSON (Jest-style): numPassedTests / numFailedTests / numPendingTests / numTodoTests,
 * plus testResults[] per file; a file that failed to load has status 'failed' and no failed
 * assertion, so it counts as one failure.
 */
function parseVitest(report) {
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/**
 * Playwright's JSON: stats.expected (passed), stats.flaky (passed on a retry),
 * stats.unexpected (failed), stats.skipped; errors[] holds failures outside any test
 * (a broken config, a web server that never came up), each counted as one failure.
 */
function parsePlaywright(report) {
  const stats = report.stats ?? {};
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors ?? []).length,
    skipped: stats.skipped ?? 0,
  };
}

/** A static check: one command whose exit code is the verdict, counted as one test. */
function check(label, command, args) {
  console.log(`\n=== ${label} ===`);
  const child = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  const ok = !child.error && child.status === 0;
  if (child.error) console.error(`${label}: could not start: ${child.error.message}`);
  const counts = { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
  return { label, exitCode: child.status ?? 1, counts, ok };
}

mkdirSync(resultsDir, { recursive: true });
const checks = [
  check('Typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', '.']),
  check('Lint (eslint)', bin('eslint'), ['.']),
  check('Formatting (prettier --check)', bin('prettier'), ['--check', '.']),
];
const staticChecks = {
  label: 'Static checks (typecheck, lint, formatting)',
  counts: {
    passed: checks.filter((c) => c.ok).length,
    failed: checks.filter((c) => !c.ok).length,
    skipped: 0,
  },
  ok: checks.every((c) => c.ok),
};
const suites = [
  staticChecks,
  run(
    'Unit tests (vitest)',
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/vitest.json'],
    join(resultsDir, 'vitest.json'),
    parseVitest,
  ),
  run(
    'Browser tests (playwright)',
    bin('playwright'),
    ['test'],
    join(resultsDir, 'playwright.json'),
    parsePlaywright,
  ),
];

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('');
for (const { label, counts } of suites) {
  console.log(
    `${label} — passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}`,
  );
  total.passed += counts.passed;
  total.failed += counts.failed;
  total.skipped += counts.skipped;
}
const ranNone = total.passed + total.failed === 0;
if (ranNone) console.error('No test ran.');

const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
console.log(`${total.passed} passed, ${total.failed} failed${skipped}`);
process.exitCode = suites.every((suite) => suite.ok) && total.failed === 0 && !ranNone ? 0 : 1;
