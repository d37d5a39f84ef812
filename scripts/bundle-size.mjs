// Production bundle size per route: builds the web client with a Vite manifest (or reads a build
// given with --dist), maps each lazy route in client/src/app/router.tsx to its chunk and prints the
// gzip size a first visit to that route downloads beyond the shared entry.
//   npm run bundle:size                 build into a temporary folder, then report
//   npm run bundle:size -- --dist DIR   report on an existing build made with --manifest
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { mustRun, root } from './lib.mjs';

const args = process.argv.slice(2);
const distArg = args.indexOf('--dist');
let dist = distArg >= 0 ? path.resolve(args[distArg + 1] ?? '') : path.join(os.tmpdir(), 'pat-bundle-size');
if (distArg < 0) {
  mustRun('npx', ['vite', 'build', 'client', '--outDir', dist, '--emptyOutDir', '--manifest', '--logLevel', 'warn']);
}
const manifestFile = path.join(dist, '.vite', 'manifest.json');
if (!fs.existsSync(manifestFile)) {
  console.error(`✖ ${manifestFile} is missing: build with \`vite build --manifest\``);
  process.exit(1);
}
/** @type {Record<string, {file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], css?: string[]}>} */
const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8'));

const gzipCache = new Map();
const gzipSize = (file) => {
  if (!gzipCache.has(file))
    gzipCache.set(file, zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }).length);
  return gzipCache.get(file);
};

/** The files a chunk needs: itself, its CSS and its static imports, transitively. */
function closure(key, seen = new Set()) {
  const chunk = manifest[key];
  if (!chunk || seen.has(key)) return seen;
  seen.add(key);
  for (const imported of chunk.imports ?? []) closure(imported, seen);
  return seen;
}
const filesOf = (keys) => {
  const files = new Set();
  for (const key of keys) {
    files.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add(css);
  }
  return files;
};
const sum = (files) => [...files].reduce((total, f) => total + gzipSize(f), 0);

const entryKey = Object.keys(manifest).find((k) => manifest[k].isEntry);
const entryFiles = filesOf(closure(entryKey));

// Lazy pages and the paths that render them, read from the router source.
const routerSource = fs.readFileSync(path.join(root, 'client/src/app/router.tsx'), 'utf8');
const lazyPages = new Map();
for (const m of routerSource.matchAll(/const (\w+) = lazy\(\s*\(\) =>\s*import\('([^']+)'\)/g)) {
  lazyPages.set(m[1], path.posix.normalize(path.posix.join('src/app', m[2])));
}
const routes = [];
for (const m of routerSource.matchAll(
  /\{\s*(?:path: '([^']*)'|index: true),\s*element:\s*(?:\(\s*)?([\s\S]*?)\}(?:,|\s*\])/g,
)) {
  const page = [...lazyPages.keys()].find((name) => new RegExp(`<${name}\\b`).test(m[2]));
  if (!page) continue;
  const routePath = m[1] === undefined ? '/' : m[1].startsWith('/') ? m[1] : `/${m[1]}`;
  routes.push({ path: routePath, page, module: lazyPages.get(page) });
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const rows = routes.map(({ path: routePath, page, module }) => {
  const key = Object.keys(manifest).find((k) => k.replace(/\.(tsx?|jsx?)$/, '') === module);
  if (!key) return { routePath, page, own: NaN, extra: NaN, file: '(no chunk found)' };
  const files = [...filesOf(closure(key))].filter((f) => !entryFiles.has(f));
  const own = sum(filesOf([key]));
  return { routePath, page, own, extra: sum(files), file: manifest[key].file };
});

const table = [
  ['route', 'page', 'route chunk (gzip)', 'first visit beyond entry (gzip)', 'chunk file'],
  ...rows.map((r) => [r.routePath, r.page, kb(r.own), kb(r.extra), r.file]),
];
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nProduction client bundle (${path.relative(root, dist) || dist})\n`);
console.log(line(table[0]));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const row of table.slice(1)) console.log(line(row));
console.log(
  `\nShared entry (index.html: ${manifest[entryKey].file} and its static imports, with CSS): ${kb(sum(entryFiles))} gzip in ${entryFiles.size} files`,
);
const allFiles = new Set(Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]));
console.log(`Whole build: ${kb(sum(allFiles))} gzip in ${allFiles.size} files`);
