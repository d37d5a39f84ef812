type Row = Record<string, unknown>;

/**
 * GraphQL gives omitted optional inputs as absent but explicit nulls as null; zod treats both as "not given".
 * Fields where null means "clear it" (the actual dates and values) keep their null.
 */
export function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Row)
        .filter(
          ([k, v]) => v !== null || k === 'actualStart' || k === 'actualEnd' || k === 'actualDate' || k === 'actual',
        )
        .map(([k, v]) => [k, stripNulls(v)]),
    );
  }
  return value;
}
