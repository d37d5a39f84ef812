import { LOGIN_MUTATION, ME_QUERY } from '../modules/auth/auth.graphql';
import { REGIONS_QUERY } from '../modules/regions/regions.graphql';
import { createApolloClient } from './apollo';

type SentRequest = { url: string; init: RequestInit };

// A stand-in for fetch answering every request with one GraphQL body, recording what was sent.
function fakeFetch(body: unknown) {
  const sent: SentRequest[] = [];
  const fetchStub = async (url: RequestInfo | URL, init: RequestInit = {}) => {
    sent.push({ url: String(url), init });
    const response = {
      ok: true,
      status: 200,
      headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
      text: async () => JSON.stringify(body),
    };
    return response as unknown as Response;
  };
  return { fetch: fetchStub as typeof fetch, sent };
}

const unauthenticated = {
  data: null,
  errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
};

describe('Apollo client', () => {
  it('sends the cookie and the headers Apollo Server’s CSRF prevention asks for', async () => {
    const { fetch, sent } = fakeFetch({ data: { me: null } });
    const client = createApolloClient({ fetch, onUnauthenticated: jest.fn() });
    await client.query({ query: ME_QUERY });

    const request = sent[0];
    expect(request?.url).toBe('/graphql');
    expect(request?.init.credentials).toBe('same-origin');
    const headers = new Map(Object.entries((request?.init.headers ?? {}) as Record<string, string>));
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('apollo-require-preflight')).toBe('true');
  });

  it('reports an expired session when any query is refused as UNAUTHENTICATED', async () => {
    const onUnauthenticated = jest.fn();
    const client = createApolloClient({ ...fakeFetch(unauthenticated), onUnauthenticated });
    await expect(client.query({ query: REGIONS_QUERY })).rejects.toThrow('Sign in first.');
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
  });

  it('leaves a refused sign-in to the login form', async () => {
    const onUnauthenticated = jest.fn();
    const refused = {
      data: null,
      errors: [
        {
          message: 'The user name or password is wrong.',
          extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' },
        },
      ],
    };
    const client = createApolloClient({ ...fakeFetch(refused), onUnauthenticated });
    await expect(
      client.mutate({ mutation: LOGIN_MUTATION, variables: { username: 'wang.fang', password: 'x' } }),
    ).rejects.toThrow('The user name or password is wrong.');
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });
});
