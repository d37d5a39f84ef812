// Helpers for the start and test commands; plain Node so they run before anything is installed.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function step(message) {
  process.stdout.write(`\n▶ ${message}\n`);
}

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  return result.status ?? 1;
}

export function mustRun(cmd, args, options = {}) {
  const status = run(cmd, args, options);
  if (status !== 0) {
    console.error(`✖ ${cmd} ${args.join(' ')} failed (exit ${status})`);
    process.exit(status);
  }
}

const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return newest;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : mtime(full));
  }
  return newest;
}

/** Installs npm packages when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (mtime(marker) >= mtime(path.join(root, 'package-lock.json'))) return;
  step('Installing npm packages (npm ci, about 2 minutes the first time)');
  mustRun('npm', ['ci', '--no-audit', '--no-fund']);
}

/** Builds the web client when its sources changed since the last build. */
export function ensureClientBuild({ force = false } = {}) {
  const built = mtime(path.join(root, 'client', 'dist', 'index.html'));
  const sources = Math.max(
    newestIn(path.join(root, 'client', 'src')),
    newestIn(path.join(root, 'shared', 'src')),
    mtime(path.join(root, 'client', 'index.html')),
    mtime(path.join(root, 'client', 'vite.config.ts')),
  );
  if (!force && built > sources) return;
  step('Building the web client (vite build)');
  mustRun('npm', ['run', 'build', '-w', 'client']);
}

/** Builds FerretDB from the Go module registry when no other database is configured. */
export function ensureFerretdb() {
  if (process.env.MONGODB_URI) return;
  const bin = process.env.FERRETDB_BIN ?? path.join(root, '.cache', 'bin', 'ferretdb');
  if (fs.existsSync(bin)) return;
  if (spawnSync('sh', ['-c', 'command -v go'], { stdio: 'ignore' }).status !== 0) return;
  step('Building FerretDB 1.24.2 from the Go module registry (first run only, about 2 minutes)');
  mustRun('bash', [path.join(root, 'scripts', 'install-ferretdb.sh')]);
}
