import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(4000);
    expect(c.NODE_ENV).toBe('development');
    expect(c.UPLOAD_MAX_MB).toBe(20);
    expect(c.COOKIE_SECURE).toBe(false);
    expect(c.SEPARATE_DUTIES).toBe(true);
    expect(c.MONGODB_URI).toBeUndefined();
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        MONGODB_URI: 'postgres://x',
        LOG_LEVEL: 'loud',
        SEED_DEMO: 'maybe',
        CORS_ORIGINS: 'not a url',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: must be a number \(got "eighty"\)/m);
    expect(problems).toMatch(/^MONGODB_URI: must start with mongodb:\/\//m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^SEED_DEMO: must be true or false/m);
    expect(problems).toMatch(/^CORS_ORIGINS: /m);
    expect((error as ConfigError).problems).toHaveLength(5);
  });

  it('takes the IATI reporting organisation from the environment, and refuses a malformed one', () => {
    expect(loadConfig({}).IATI_ORG_REF).toBe('CN-PAT-OFFICE');
    const c = loadConfig({ IATI_ORG_REF: 'CN-USC-123', IATI_ORG_NAME_EN: 'Cooperation Office', IATI_ORG_TYPE: '15' });
    expect([c.IATI_ORG_REF, c.IATI_ORG_NAME_EN, c.IATI_ORG_TYPE]).toEqual(['CN-USC-123', 'Cooperation Office', '15']);
    expect(() => loadConfig({ IATI_ORG_REF: 'has spaces' })).toThrow(/IATI_ORG_REF: must be an IATI organisation/);
    expect(() => loadConfig({ IATI_ORG_TYPE: 'gov' })).toThrow(/IATI_ORG_TYPE/);
    expect(() => loadConfig({ IATI_ORG_NAME_ZH: '办'.repeat(201) })).toThrow(/IATI_ORG_NAME_ZH/);
  });

  it('does not echo the database URI, which may hold a password', () => {
    expect(() => loadConfig({ MONGODB_URI: 'http://user:secret@host' })).toThrow(/MONGODB_URI/);
    try {
      loadConfig({ MONGODB_URI: 'http://user:secret@host' });
    } catch (e) {
      expect((e as Error).message).not.toContain('secret');
    }
  });

  it('rejects out-of-range numbers and turns secure cookies on in production', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: must be at most 65535/);
    expect(() => loadConfig({ UPLOAD_MAX_MB: '0' })).toThrow(/UPLOAD_MAX_MB: must be at least 1/);
    expect(loadConfig({ NODE_ENV: 'production' }).COOKIE_SECURE).toBe(true);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, http://localhost:5173' }).CORS_ORIGINS).toEqual([
      'https://a.example',
      'http://localhost:5173',
    ]);
  });
});
