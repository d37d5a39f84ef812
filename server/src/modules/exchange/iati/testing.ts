// Test helpers: the IATI reference folder (schema, codelists, samples) and xmllint.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../../config/paths';

/** IATI_DIR, else `../shared/iati` beside the repository (not copied into it). */
export const iatiDir = path.resolve(process.env.IATI_DIR ?? path.join(repoRoot, '..', 'shared', 'iati'));
export const schemaFile = path.join(iatiDir, 'schema', 'iati-activities-schema.xsd');
export const samplesDir = path.join(iatiDir, 'samples');
export const iatiAvailable = fs.existsSync(schemaFile) && fs.existsSync(samplesDir);

/** `describe` when the IATI folder is there; otherwise the block is skipped and says why. */
export const describeWithIati: jest.Describe = iatiAvailable
  ? describe
  : (((name: string, fn: () => void) => {
      console.warn(`IATI reference folder not found at ${iatiDir} (set IATI_DIR): skipping "${name}"`);
      describe.skip(`${name} (skipped: no IATI folder at ${iatiDir})`, fn);
    }) as unknown as jest.Describe);

export type XmllintResult = { command: string; status: number; output: string };

/** Validates XML text against the IATI 2.03 activity schema with xmllint (no network). */
export function xmllint(xml: string, name = 'export.xml'): XmllintResult {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error)
    throw new Error(
      'xmllint is not installed: install libxml2-utils (apt-get install -y libxml2-utils) to run these tests',
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iati-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, xml);
  const args = ['--noout', '--nonet', '--schema', schemaFile, file];
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { command: `xmllint ${args.join(' ')}`, status: r.status ?? -1, output: `${r.stdout}${r.stderr}`.trim() };
}

/** Active codes of one IATI codelist file. */
export function activeCodes(codelist: string): Set<string> {
  const xml = fs.readFileSync(path.join(iatiDir, 'codelists', `${codelist}.xml`), 'utf8');
  const codes = new Set<string>();
  for (const m of xml.matchAll(/<codelist-item(?![^>]*status="withdrawn")[^>]*>\s*<code>([^<]+)<\/code>/g))
    codes.add(m[1]!.trim());
  return codes;
}
