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

/**
 * The code to log for an error: ours, else the one a platform SDK or Node put on it
 * (`slack_webapi_platform_error`, `ECONNREFUSED`), else INTERNAL.
 */
export function errorCode(error: unknown): string {
  if (error instanceof WhoownsError) return error.code;
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[\w.-]{1,64}$/.test(code) ? code : 'INTERNAL';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
