import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import type { Role } from '@pat/shared';
import type { Context } from './context';
import { forbidden, unauthenticated } from './errors';

/** A rule throws UNAUTHENTICATED or FORBIDDEN, or returns when the operation may proceed. */
export type Rule = (ctx: Context) => void | Promise<void>;
export type PermissionMap = Partial<Record<'Query' | 'Mutation', Record<string, Rule>>>;

export const allowAll: Rule = () => {};

export const isAuthenticated: Rule = (ctx) => {
  if (!ctx.user) throw unauthenticated();
};

export const hasRole =
  (...roles: Role[]): Rule =>
  (ctx) => {
    if (!ctx.user) throw unauthenticated();
    if (!roles.includes(ctx.user.role)) throw forbidden(`This needs one of the roles: ${roles.join(', ')}.`);
  };

/**
 * Wraps every Query and Mutation field in its rule. A field with no rule is refused: the
 * schema can grow without anyone remembering to lock a new operation.
 */
export function applyPermissions(schema: GraphQLSchema, map: PermissionMap): GraphQLSchema {
  for (const typeName of ['Query', 'Mutation'] as const) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = map[typeName]?.[field.name];
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, ctx: Context, info) => {
        if (!rule) throw forbidden(`No permission rule covers ${typeName}.${field.name}; it is refused.`);
        await rule(ctx);
        return resolve(source, args, ctx, info);
      };
    }
  }
  return schema;
}
