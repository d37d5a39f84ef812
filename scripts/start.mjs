// `npm start`: installs what is missing, builds the web client, then runs the API and the client on
// one port with a local database (see README). Extra arguments go to nothing; configure by environment.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureClientBuild, ensureDependencies, ensureFerretdb, root, step } from './lib.mjs';

const started = Date.now();
ensureDependencies();
ensureFerretdb();
ensureClientBuild();
step('Starting the server');
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server', 'src', 'main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, PAT_START_MS: String(started) },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 1));
