import type { ErrorCode } from '../../shared/contract/result';

/** Thrown by a handler to answer with a stable code; anything else thrown becomes INTERNAL. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly reason?: string,
    readonly params?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
