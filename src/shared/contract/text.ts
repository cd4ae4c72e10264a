const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The path of the first text no store can keep as it is, or null: a NUL character (PostgreSQL's
 * text and jsonb refuse it) or half of a surrogate pair (not UTF-8 at all). Keys count as text.
 * Such input is refused as a client's mistake, the same way whichever store the service runs on.
 */
export function unstorableTextAt(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return value.includes('\0') || LONE_SURROGATE.test(value) ? path : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = unstorableTextAt(key, [...path, key]) ?? unstorableTextAt(item, [...path, key]);
    if (found) return found;
  }
  return null;
}

export const UNSTORABLE_TEXT = 'Text may not contain NUL characters or unpaired surrogates';
