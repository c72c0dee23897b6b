/**
 * chat.postMessage for the bot's answers (mentions, DMs, thread follow-ups): one JSON POST over
 * the adapter's keep-alive transport, with the same bounded retries as the WebClient.
 *
 * Why not the WebClient for this one call: it form-encodes the arguments (the JSON of the blocks
 * percent-encoded, about three times its size), deep-copies them to redact a debug line it
 * builds even when debug logging is off, and runs each call through a queue and a retry
 * wrapper. For a 2-3 KB Block Kit answer that was about 0.25 ms of CPU and 80 KB of allocations
 * per post, more than finding the answer. Slack accepts JSON bodies for chat.postMessage; every
 * other Web API call still goes through the WebClient.
 */
import { webApi } from '@slack/bolt';
import type { SlackBlock } from '../../src/render/slack';

export interface ThreadMessage {
  readonly channel: string;
  readonly thread_ts?: string;
  readonly text: string;
  readonly blocks?: readonly SlackBlock[];
  readonly unfurl_links?: boolean;
  readonly unfurl_media?: boolean;
}

/** Posts one message; rejects with an error whose `code` is the WebClient's (webApi.ErrorCode). */
export type PostMessage = (message: ThreadMessage) => Promise<void>;

/** An error shaped like the WebClient's, so logs and callers read both alike. */
export class SlackApiError extends Error {
  constructor(
    readonly code: webApi.ErrorCode,
    message: string,
    readonly data?: { ok: false; error: string },
    readonly statusCode?: number,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = 'SlackApiError';
  }
}

export interface AnswerPosterOptions {
  readonly token: string;
  /** Web API base, ending in a slash (SLACK_API_URL); Slack's own by default. */
  readonly apiUrl?: string;
  readonly fetch: webApi.FetchFunction;
  readonly retry: webApi.RetryOptions;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The longest Retry-After an answer waits for; Slack's rate-limit windows are a minute long. */
export const MAX_RATE_LIMIT_WAIT_MS = 120_000;

const sleepFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createAnswerPoster(options: AnswerPosterOptions): PostMessage {
  const base = options.apiUrl ?? 'https://slack.com/api/';
  const url = `${base}${base.endsWith('/') ? '' : '/'}chat.postMessage`;
  const headers = { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${options.token}`, accept: 'application/json' };
  const { retries = 3, factor = 2, minTimeout = 1000, maxTimeout = 10_000, maxRetryTime = 30_000, randomize = false } = options.retry;
  const sleep = options.sleep ?? sleepFor;

  const once = async (body: string): Promise<void> => {
    let response: Awaited<ReturnType<webApi.FetchFunction>>;
    try {
      response = await options.fetch(url, { method: 'POST', headers, body, redirect: 'error' });
    } catch (error) {
      throw new SlackApiError(webApi.ErrorCode.RequestError, `A request error occurred: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 429) {
      const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
      throw new SlackApiError(webApi.ErrorCode.RateLimitedError, 'A rate-limit has been reached', undefined, 429, Number.isNaN(seconds) ? 1 : seconds);
    }
    if (response.status !== 200) throw new SlackApiError(webApi.ErrorCode.HTTPError, `An HTTP protocol error occurred: statusCode = ${response.status}`, undefined, response.status);
    const result = (await response.json().catch(() => ({ ok: false, error: 'invalid_json_response' }))) as { ok?: unknown; error?: unknown };
    if (result.ok !== true) {
      const code = typeof result.error === 'string' ? result.error : 'unknown_error';
      throw new SlackApiError(webApi.ErrorCode.PlatformError, `An API error occurred: ${code}`, { ok: false, error: code });
    }
  };

  return async (message) => {
    const body = JSON.stringify(message);
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        await once(body);
        return;
      } catch (error) {
        // Slack's answer about the message itself (ok: false, 4xx) will not change on a retry.
        const e = error as SlackApiError;
        const retriable = e.code === webApi.ErrorCode.RequestError || e.code === webApi.ErrorCode.RateLimitedError || (e.statusCode ?? 0) >= 500;
        const backoff = Math.min(maxTimeout, minTimeout * factor ** attempt * (randomize ? 1 + Math.random() : 1));
        const wait = e.retryAfter !== undefined ? e.retryAfter * 1000 : backoff;
        // A rate limit's Retry-After is waited out even past the retry budget (an answer a minute
        // late beats none), up to a cap; backoffs after errors stay within the budget.
        const tooLong = e.retryAfter !== undefined ? wait > MAX_RATE_LIMIT_WAIT_MS : Date.now() - started + wait > maxRetryTime;
        if (!retriable || attempt >= retries || tooLong) throw error;
        await sleep(wait);
      }
    }
  };
}
