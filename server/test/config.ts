import { loadConfig, type Config } from '../src/config/config';

export const testConfig = (overrides: Record<string, string> = {}): Config =>
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', CLIENT_DIST: '/nonexistent', ...overrides });
