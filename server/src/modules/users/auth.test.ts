import { startTestApp } from '../../../test/app';
import { testConfig } from '../../../test/config';
import { useTestDatabase } from '../../../test/db';
import { createUser } from '../../../test/factories';
import { SessionModel } from './session.model';

useTestDatabase();

const ME = '{ me { username role regionScope } }';

describe('sign-in', () => {
  let app: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    app = await startTestApp(testConfig({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '10' }));
    await createUser({ username: 'officer', role: 'officer', regionScope: ['653100'] });
    await createUser({ username: 'retired', role: 'viewer', active: false });
  });
  afterAll(() => app.stop());

  it('signs in with the right password, sets an httpOnly cookie and answers me', async () => {
    const c = app.client();
    const res = await c.agent.post('/graphql').set('content-type', 'application/json').send({
      query: 'mutation { login(username: "Officer", password: "demo1234") { user { username role } expiresAt } }',
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.login.user).toEqual({ username: 'officer', role: 'OFFICER' });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/pat_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(await c.gql(ME)).toEqual({
      data: { me: { username: 'officer', role: 'OFFICER', regionScope: ['653100'] } },
    });
    expect(await SessionModel.countDocuments()).toBeGreaterThanOrEqual(1);
  });

  it('answers me with null without a session, and with a forged cookie', async () => {
    expect(await app.client().gql(ME)).toEqual({ data: { me: null } });
    const c = app.client();
    const res = await c.agent
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', 'pat_session=forged')
      .send({ query: ME });
    expect(res.body).toEqual({ data: { me: null } });
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await app.client().login('officer', 'wrong-password');
    const unknown = await app.client().login('nobody', 'demo1234');
    for (const r of [wrong, unknown]) {
      expect(r.data).toBeNull();
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(r.errors?.[0]?.message).toBe('The user name or password is wrong.');
    }
  });

  it('refuses a deactivated user', async () => {
    const r = await app.client().login('retired');
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('throttles repeated failures, even when the right password follows', async () => {
    await createUser({ username: 'target', role: 'manager' });
    for (let i = 0; i < 3; i++) {
      const r = await app.client().login('target', `guess-${i}`);
      expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    const locked = await app.client().login('target', 'demo1234');
    expect(locked.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(locked.errors?.[0]?.message).toMatch(/Try again in 10 minute/);
    // Another user is not affected.
    expect((await app.client().login('officer')).errors).toBeUndefined();
  });

  it('logs out: the session is gone from the database and me is null', async () => {
    const c = app.client();
    await c.login('officer');
    const before = await SessionModel.countDocuments();
    expect(await c.gql('mutation { logout }')).toEqual({ data: { logout: true } });
    expect(await SessionModel.countDocuments()).toBe(before - 1);
    expect(await c.gql(ME)).toEqual({ data: { me: null } });
  });

  it('accepts a session created by another API instance (sessions live in the database)', async () => {
    const c = app.client();
    const res = await c.agent
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: 'mutation { login(username: "officer", password: "demo1234") { expiresAt } }' });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const other = await startTestApp();
    const r = await other
      .client()
      .agent.post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', cookie)
      .send({ query: ME });
    expect(r.body.data.me.username).toBe('officer');
    await other.stop();
  });

  it('rejects malformed input with BAD_USER_INPUT naming the field', async () => {
    const r = await app.client().gql('mutation($u: String!) { login(username: $u, password: "x") { expiresAt } }', {
      u: 'x'.repeat(500),
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.extensions?.field).toBe('username');
  });
});
