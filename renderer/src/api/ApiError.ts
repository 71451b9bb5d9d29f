import type { ResultError } from '../../../shared/contract/index';

/** A failed channel call: the stable code to match on and the Vietnamese message to show. */
export class ApiError extends Error {
  readonly code: string;

  constructor(error: ResultError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}
