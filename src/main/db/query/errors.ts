/** A caller's input the store cannot use. `code` is stable: the dispatcher maps it to an API error. */
export type DbInputErrorCode = 'BAD_CURSOR';

export class DbInputError extends Error {
  override readonly name = 'DbInputError';
  constructor(
    readonly code: DbInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
