/**
 * A value with every object's keys sorted, so only content counts when two are compared as JSON: a
 * version posted with its keys in another order, or a record read back from PostgreSQL's jsonb
 * (which keeps keys in an order of its own), is the same value.
 */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  return value;
}
