import { MAX_FEN } from '@pat/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function parseFen(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d{1,16}$/.test(text)) {
    throw new GraphQLError('Money must be a whole, non-negative number of fen (分), as a string or an integer', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const fen = Number(text);
  if (fen > MAX_FEN)
    throw new GraphQLError(`Money must be at most ${MAX_FEN} fen`, { extensions: { code: 'BAD_USER_INPUT' } });
  return fen;
}

/** Exact money: integer fen (分), sent as a decimal string so no client turns it into a float. */
export const MoneyScalar = new GraphQLScalarType({
  name: 'Money',
  description: 'An exact amount in fen (分, 1/100 元), serialized as a string of digits.',
  serialize: (value) => String(value),
  parseValue: parseFen,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return parseFen(ast.value);
    throw new GraphQLError('Money must be a string of digits', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

export const scalarTypeDefs = /* GraphQL */ `
  scalar Money
`;
export const scalarResolvers = { Money: MoneyScalar };
