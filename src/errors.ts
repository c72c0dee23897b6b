/** Every error the project raises on purpose carries a stable code, so logs and tests can tell them apart. */
export type ErrorCode =
  | 'KB_INVALID'
  | 'KB_NOT_FOUND'
  | 'CONFIG_INVALID'
  | 'INPUT_TOO_LARGE'
  | 'USAGE'
  | 'INTERNAL';

export class WhoownsError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WhoownsError';
    this.code = code;
  }
}

export function errorCode(error: unknown): ErrorCode {
  return error instanceof WhoownsError ? error.code : 'INTERNAL';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
