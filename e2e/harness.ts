import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../server/src/app';
import { repoRoot } from '../server/src/config/paths';
import { createLogger } from '../server/src/logger';
import { seedDemo } from '../server/src/seed/demo';
import { testConfig } from '../server/test/config';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The real server (API + built client) on a free port, with demo data, plus a real chromium. */
export async function startBrowserHarness() {
  // E2E_CLIENT_DIST lets parallel work build into its own folder instead of client/dist.
  const clientDist = process.env.E2E_CLIENT_DIST ?? path.join(repoRoot, 'client', 'dist');
  if (!fs.existsSync(path.join(clientDist, 'index.html'))) {
    throw new Error('client/dist is missing: build the client first (npm test does it)');
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium fonts-wqy-zenhei`);
  const config = testConfig({ CLIENT_DIST: clientDist });
  await seedDemo({ info: () => {} });
  const { app, apollo } = await createApp(config, createLogger('silent'));
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });

  return {
    baseUrl,
    browser,
    /** A fresh browser context (own cookies and storage) with a page open. */
    newPage: async (): Promise<Page> =>
      (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage(),
    stop: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
    },
  };
}

export async function signIn(page: Page, baseUrl: string, username: string, password = 'demo1234') {
  if (!new URL(page.url(), baseUrl).pathname.startsWith('/login')) await page.goto(`${baseUrl}/login`);
  await page.getByLabel(/用户名|User name|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  await page.getByRole('button', { name: /登\s*录|Sign in/ }).click();
}
