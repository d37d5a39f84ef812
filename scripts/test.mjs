// `npm test`: installs what is missing, then typecheck, lint and every jest project (server, client,
// browser) against a real database. The last line is the summary `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureClientBuild, ensureDependencies, ensureFerretdb, root, run, step } from './lib.mjs';

ensureDependencies();
ensureFerretdb();
ensureBrowser();
ensureClientBuild();

let passed = 0;
let failed = 0;
const check = (name, ok) => {
  if (ok) passed += 1;
  else failed += 1;
  process.stdout.write(`${ok ? '✔' : '✖'} ${name}\n`);
};

step('Typecheck (tsc)');
check('typecheck', run('npx', ['tsc', '-p', '.']) === 0 && run('npx', ['tsc', '-p', 'client']) === 0);
step('Lint (eslint, prettier)');
check(
  'lint',
  run('npx', ['eslint', '.']) === 0 && run('npx', ['prettier', '--check', '.', '--log-level', 'warn']) === 0,
);

step('Tests (jest: server, client, browser)');
const results = path.join(root, '.cache', 'jest-results.json');
fs.mkdirSync(path.dirname(results), { recursive: true });
fs.rmSync(results, { force: true });
const extra = process.argv.slice(2);
run('npx', ['jest', '--json', `--outputFile=${results}`, '--forceExit', ...extra]);
if (fs.existsSync(results)) {
  const r = JSON.parse(fs.readFileSync(results, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + r.numRuntimeErrorTestSuites;
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
} else {
  failed += 1;
  console.log(`\n${passed} passed, ${failed} failed`);
}
process.exit(failed === 0 ? 0 : 1);

/** Browser tests use Debian's chromium; install it when running as root on Debian. */
function ensureBrowser() {
  if (fs.existsSync('/usr/bin/chromium')) return;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.warn(
      "chromium is missing: install Debian's chromium (apt-get install chromium fonts-wqy-zenhei) for the browser tests",
    );
    return;
  }
  step('Installing chromium for the browser tests (apt-get, about a minute)');
  run('sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei libxml2-utils >/dev/null',
  ]);
}
