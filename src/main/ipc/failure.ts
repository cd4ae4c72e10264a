import type { ErrorCode } from '../../shared/contract/result';

/** Thrown by a handler to answer with a stable code; anything else thrown becomes INTERNAL. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
