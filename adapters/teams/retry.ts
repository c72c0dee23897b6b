/**
 * Retries a call to the Bot Connector on 412 (Precondition Failed), with exponential backoff
 * (Retry-After when given). Bounded: three more tries within a few seconds.
 *
 * 429, 502 and 504 are already retried inside the connector client (Azure core-rest-pipeline's
 * default policy: Retry-After for 429, exponential backoff for 5xx, at most three retries);
 * retrying them here as well would multiply the tries. tests/adapters/teams checks all four.
 */
const RETRYABLE = new Set([412]);

export interface RetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const CONNECTOR_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 250, maxDelayMs: 4000 };

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.status ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?: (name: string) => string | undefined } } })?.response?.headers;
  const value = headers?.get?.('retry-after');
  const seconds = value === undefined ? NaN : Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

export async function withConnectorRetry<T>(call: () => Promise<T>, policy: RetryPolicy = CONNECTOR_RETRY, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const status = statusOf(error);
      if (attempt >= policy.retries || status === undefined || !RETRYABLE.has(status)) throw error;
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
      await sleep(Math.min(policy.maxDelayMs, retryAfterMs(error) ?? backoff));
    }
  }
}
