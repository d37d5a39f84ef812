import { GraphQLError } from 'graphql';
import mongoose from 'mongoose';
import { startTestApp } from '../test/app';
import { testConfig } from '../test/config';
import { useTestDatabase } from '../test/db';
import { formatErrorFor } from './graphql/errors';
import type { Logger } from './logger';

const db = useTestDatabase();

describe('the HTTP ground', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('answers /healthz and /readyz, with a request id on every response', async () => {
    const c = app.client();
    const health = await c.agent.get('/healthz');
    expect(health.status).toBe(200);
    expect(health.headers['x-request-id']).toMatch(/^[\w-]+$/);
    const ready = await c.agent.get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready' });
  });

  it('sets security headers', async () => {
    const res = await app.client().agent.get('/healthz');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('blocks cross-site simple requests (Apollo CSRF prevention)', async () => {
    const res = await app.client().agent.get('/graphql?query=%7Bme%7Busername%7D%7D');
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/CSRF/i);
  });

  it('refuses bodies over the size limit', async () => {
    const res = await app
      .client()
      .agent.post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ me { id } }', variables: { pad: 'x'.repeat(13 * 1024 * 1024) } });
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(/larger than the 12mb limit/);
  });

  it('reports not ready when the database is unreachable, and ready again after', async () => {
    const c = app.client();
    await mongoose.disconnect();
    const down = await c.agent.get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('database unreachable');
    expect((await c.agent.get('/healthz')).status).toBe(200);
    await mongoose.connect(process.env.TEST_MONGODB_URI!, { dbName: db.name });
    expect((await c.agent.get('/readyz')).status).toBe(200);
  });
});

describe('errors in production mode', () => {
  it('masks unexpected errors: no internal detail, no stack trace', async () => {
    const logged: unknown[] = [];
    const format = formatErrorFor({ error: (obj: unknown) => logged.push(obj) } as unknown as Logger);
    const original = new Error('E11000 secret internal detail');
    const shaped = format(
      { message: original.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } },
      new GraphQLError(original.message, { originalError: original }),
    );
    expect(shaped.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(shaped.message).not.toContain('secret');
    expect(logged).toHaveLength(1);
  });

  it('sends client mistakes with their code and without a stack trace', async () => {
    const app = await startTestApp(testConfig({ NODE_ENV: 'production' }));
    const bad = await app.client().gql('{ me { id } nope }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(bad)).not.toMatch(/stacktrace/);
    await app.stop();
  });
});
