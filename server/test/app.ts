import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../src/app';
import type { Config } from '../src/config/config';
import { createLogger } from '../src/logger';
import { testConfig } from './config';

export type GraphQLResult<T = Record<string, unknown>> = {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
};

export type TestClient = {
  agent: TestAgent;
  /** Sends an operation with this client's cookies; returns the parsed GraphQL body. */
  gql: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResult<T>>;
  login: (username: string, password?: string) => Promise<GraphQLResult>;
};

export async function startTestApp(config: Config = testConfig()) {
  const { app, apollo } = await createApp(config, createLogger(config.LOG_LEVEL));
  const client = (): TestClient => {
    const agent = request.agent(app);
    const gql: TestClient['gql'] = async (query, variables) => {
      const res = await agent.post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return res.body;
    };
    return {
      agent,
      gql,
      login: (username, password = 'demo1234') =>
        gql('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { user { id username role } } }', {
          u: username,
          p: password,
        }),
    };
  };
  return { app, client, stop: () => apollo.stop() };
}
