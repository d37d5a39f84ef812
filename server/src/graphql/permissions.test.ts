import { makeExecutableSchema } from '@graphql-tools/schema';
import { graphql } from 'graphql';
import type { Context, CurrentUser } from './context';
import { allowAll, applyPermissions, hasRole, isAuthenticated } from './permissions';
import { buildSchema, permissionMap } from './schema';

const officer: CurrentUser = { id: '1', username: 'o', displayName: 'O', role: 'officer', regionScope: [] };

function run(user: CurrentUser | null, source: string) {
  const schema = applyPermissions(
    makeExecutableSchema({
      typeDefs:
        'type Query { open: Int, signedIn: Int, managersOnly: Int, forgotten: Int } type Mutation { forgottenWrite: Int }',
      resolvers: {
        Query: { open: () => 1, signedIn: () => 2, managersOnly: () => 3, forgotten: () => 4 },
        Mutation: { forgottenWrite: () => 5 },
      },
    }),
    { Query: { open: allowAll, signedIn: isAuthenticated, managersOnly: hasRole('manager', 'admin') } },
  );
  return graphql({ schema, source, contextValue: { user } as Context });
}

describe('the permission layer', () => {
  it('refuses an operation that has no rule, for every user', async () => {
    for (const user of [null, officer, { ...officer, role: 'admin' as const }]) {
      const q = await run(user, '{ forgotten }');
      expect(q.data?.forgotten).toBeNull();
      expect(q.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(q.errors?.[0]?.message).toMatch(/No permission rule covers Query.forgotten/);
      const m = await run(user, 'mutation { forgottenWrite }');
      expect(m.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('applies each rule: open, signed in, role', async () => {
    expect((await run(null, '{ open }')).data).toEqual({ open: 1 });
    expect((await run(null, '{ signedIn }')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await run(officer, '{ signedIn }')).data).toEqual({ signedIn: 2 });
    expect((await run(officer, '{ managersOnly }')).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await run({ ...officer, role: 'manager' }, '{ managersOnly }')).data).toEqual({ managersOnly: 3 });
  });

  it('has a rule for every operation of the real schema', () => {
    const schema = buildSchema();
    for (const typeName of ['Query', 'Mutation'] as const) {
      const fields = Object.keys(
        schema.getType(typeName) && 'getFields' in schema.getType(typeName)!
          ? (schema.getType(typeName) as { getFields(): object }).getFields()
          : {},
      );
      for (const field of fields)
        expect(`${typeName}.${field}: ${typeof permissionMap[typeName]?.[field]}`).toBe(
          `${typeName}.${field}: function`,
        );
    }
  });
});
