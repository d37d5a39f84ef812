import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __patTestDb?: { stop: () => Promise<void>; dataDir: string } };
  if (!g.__patTestDb) return;
  await g.__patTestDb.stop();
  fs.rmSync(g.__patTestDb.dataDir, { recursive: true, force: true });
}
