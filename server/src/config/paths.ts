import fs from 'node:fs';
import path from 'node:path';

// The repository root is the nearest folder upwards with a package.json that declares workspaces;
// found from the working directory because the code runs both bundled and from source.
function findRepoRoot(start: string): string {
  let dir = start;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      try {
        if (JSON.parse(fs.readFileSync(pkg, 'utf8')).workspaces) return dir;
      } catch {
        // unreadable package.json: keep looking upwards
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}

export const repoRoot = findRepoRoot(process.cwd());
