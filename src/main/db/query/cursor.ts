import { DbInputError } from './errors';

/** Where the previous page stopped: the last row's sort value (null in the NULL tail) and its id. */
export interface Cursor {
  value: number | null;
  id: number;
}

export const encodeCursor = ({ value, id }: Cursor): string =>
  Buffer.from(JSON.stringify([value, id]), 'utf8').toString('base64url');

const isKey = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

export const badCursor = (): DbInputError =>
  new DbInputError('BAD_CURSOR', 'The page cursor is not valid; start from the first page');

/** Cursors come back from the renderer, so anything that is not one of ours is refused, not guessed at. */
export function decodeCursor(text: string): Cursor {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw badCursor();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor();
  const [value, id] = parsed as unknown[];
  if (!(value === null || isKey(value)) || !isKey(id)) throw badCursor();
  return { value, id };
}
