/**
 * Outbound HTTP for the Slack SDK (Web API calls and `respond()` to a response_url): a
 * fetch-compatible function over node:http(s) with one keep-alive Agent per protocol and a
 * bounded number of sockets, handed to every WebClient and to Bolt as `clientOptions.fetch`.
 *
 * Why not the built-in fetch: it does reuse connections, but builds WHATWG streams, webidl
 * conversions, a Request and a Response per call. Under load (docs/performance.md) that cost
 * about 0.6 ms of CPU per chat.postMessage on the event loop, against about 0.4 ms here. The SDK
 * needs only the small response surface `webApi.FetchFunction` declares, which this provides.
 *
 * Bodies the SDK builds as FormData (file uploads) and redirects that should be followed go to
 * the built-in fetch: rare, and it already does them right.
 */
import http from 'node:http';
import { once } from 'node:events';
import https from 'node:https';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { webApi } from '@slack/bolt';

type FetchInit = NonNullable<Parameters<webApi.FetchFunction>[1]>;
type FetchResult = Awaited<ReturnType<webApi.FetchFunction>>;

export interface SlackFetchOptions {
  /** Most sockets open to one host at once; further calls wait in the Agent's queue. */
  readonly maxSockets?: number;
  /**
   * Idle sockets kept open per host for the next call. As many as maxSockets: with fewer, a
   * burst closes the surplus after each call and opens new connections (and TLS handshakes)
   * for the next one.
   */
  readonly maxFreeSockets?: number;
  /** An idle socket is closed after this long (sooner if the server's Keep-Alive header says so). */
  readonly freeSocketTimeoutMs?: number;
  /** A call that makes no progress for this long fails (the SDK sets no timeout of its own). */
  readonly idleTimeoutMs?: number;
}

export const SLACK_FETCH_DEFAULTS: Required<SlackFetchOptions> = { maxSockets: 50, maxFreeSockets: 50, freeSocketTimeoutMs: 15_000, idleTimeoutMs: 30_000 };

export interface SlackFetch {
  readonly fetch: webApi.FetchFunction;
  /** Lets calls in flight finish (for up to `graceMs`), then closes every socket. */
  close(graceMs?: number): Promise<void>;
}

const DECODERS: Readonly<Record<string, (input: Buffer) => Promise<Buffer>>> = {
  gzip: promisify(zlib.gunzip),
  deflate: promisify(zlib.inflate),
  br: promisify(zlib.brotliDecompress),
};

export function createSlackFetch(options: SlackFetchOptions = {}): SlackFetch {
  const settings = { ...SLACK_FETCH_DEFAULTS, ...options };
  // LIFO: the most recently used socket goes first, so a quiet period lets the others time out.
  const agentOptions = { keepAlive: true, maxSockets: settings.maxSockets, maxFreeSockets: settings.maxFreeSockets, timeout: settings.freeSocketTimeoutMs, scheduling: 'lifo' as const };
  const agents = { http: new http.Agent(agentOptions), https: new https.Agent(agentOptions) };
  const inFlight = new Set<Promise<FetchResult>>();

  const fetch: webApi.FetchFunction = async (input, init = {}) => {
    const url = typeof input === 'string' ? new URL(input) : input;
    const body = init.body;
    if (body !== undefined && typeof body !== 'string') return globalThis.fetch(url, init);
    const call = send(url, init, body, url.protocol === 'https:' ? agents.https : agents.http, settings.idleTimeoutMs);
    inFlight.add(call);
    const response = await call.finally(() => inFlight.delete(call));
    if (response.status >= 300 && response.status < 400 && response.headers.get('location') !== null) {
      if (init.redirect === 'error') throw new TypeError(`fetch failed: redirected from ${url.origin}${url.pathname}`);
      if (init.redirect !== 'manual') return globalThis.fetch(url, init);
    }
    return response;
  };

  return {
    fetch,
    close: async (graceMs = 2000) => {
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
      }
      const sockets = [agents.http, agents.https].flatMap((agent) => [...Object.values(agent.sockets), ...Object.values(agent.freeSockets)].flatMap((list) => list ?? []));
      const closed = sockets.map((socket) => (socket.destroyed && socket.closed ? Promise.resolve() : once(socket, 'close').then(() => undefined)));
      agents.http.destroy();
      agents.https.destroy();
      await Promise.all(closed);
    },
  };
}

function send(url: URL, init: FetchInit, body: string | undefined, agent: http.Agent, idleTimeoutMs: number): Promise<FetchResult> {
  return new Promise((resolve, reject) => {
    const headers: http.OutgoingHttpHeaders = { ...init.headers };
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const request = (url.protocol === 'https:' ? https : http).request(url, { method: init.method ?? 'GET', headers, agent, ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        decode(Buffer.concat(chunks), res.headers['content-encoding']).then((data) => resolve(toResult(url, res, data)), reject);
      });
    });
    request.setTimeout(idleTimeoutMs, () => request.destroy(new Error(`no response from ${url.origin} within ${idleTimeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

async function decode(data: Buffer, encoding: string | undefined): Promise<Buffer> {
  const decoder = encoding ? DECODERS[encoding.trim().toLowerCase()] : undefined;
  return decoder ? decoder(data) : data;
}

function toResult(url: URL, res: http.IncomingMessage, data: Buffer): FetchResult {
  const status = res.statusCode ?? 0;
  const header = (name: string): string | null => {
    const value = res.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: res.statusMessage ?? '',
    url: url.href,
    headers: {
      get: header,
      entries: () => Object.keys(res.headers).map((name): [string, string] => [name, header(name) ?? '']),
    },
    text: async () => data.toString('utf8'),
    json: async () => JSON.parse(data.toString('utf8')) as unknown,
    arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
  };
}
