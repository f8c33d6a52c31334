/**
 * CloudBase database error codes the emulator answers with. The SDK turns any reply carrying `code` into a thrown
 * Error with that `code`, so these strings are part of the wire contract that cloud functions branch on.
 */
export const ERROR_CODES = {
  invalidParam: 'INVALID_PARAM',
  collectionNotExist: 'DATABASE_COLLECTION_NOT_EXIST',
  collectionAlreadyExist: 'DATABASE_COLLECTION_ALREADY_EXIST',
  duplicateWrite: 'DATABASE_DUPLICATE_WRITE',
  /** CloudBase spells it this way. */
  invalidOperator: 'DATABASE_INVALID_OPERRATOR',
  requestFailed: 'DATABASE_REQUEST_FAILED',
  transactionConflict: 'DATABASE_TRANSACTION_CONFLICT',
  transactionFail: 'DATABASE_TRANSACTION_FAIL',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

/** An expected failure that becomes a `{ requestId, code, message }` reply. */
export class DatabaseError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'DatabaseError';
    this.code = code;
  }
}

export const invalidParam = (message: string): DatabaseError =>
  new DatabaseError(ERROR_CODES.invalidParam, message);

/**
 * Shapes any thrown value as a CloudBase error reply. Errors that are not ours come from mingo rejecting a query,
 * update or pipeline (unknown operator, bad projection), which CloudBase reports as a failed database request.
 */
export function errorReply(requestId: string, error: unknown): Record<string, unknown> {
  if (error instanceof DatabaseError) return { requestId, code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { requestId, code: ERROR_CODES.requestFailed, message };
}
