import http, { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { types } from 'node:util';
import { gzipSync } from 'node:zlib';
import { webApi } from '@slack/bolt';
import { createAnswerPoster, type SlackApiError } from '../../../adapters/slack/answer-poster';
import { createSlackFetch, type SlackFetch } from '../../../adapters/slack/slack-fetch';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  socket: number;
}

/** A loopback server: `reply` answers each request; every request is recorded with its socket. */
async function localServer(reply: (req: Seen, res: ServerResponse) => void): Promise<{ base: string; seen: Seen[]; connections: () => number; close: () => Promise<void> }> {
  const seen: Seen[] = [];
  let sockets = 0;
  const ids = new WeakMap<object, number>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const entry = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, socket: ids.get(req.socket) ?? -1 };
      seen.push(entry);
      reply(entry, res);
    });
  });
  server.on('connection', (socket) => ids.set(socket, ++sockets));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    connections: () => sockets,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * nock, loaded by an earlier test file in the same jest worker, leaves node:http patched (its
 * ClientRequest is a Proxy); requests it lets through then open a connection each. Connection
 * counts mean something only without it.
 */
const itCountsConnections = types.isProxy(http.ClientRequest) ? it.skip : it;

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

describe('the Slack transport (keep-alive fetch)', () => {
  let transport: SlackFetch;
  beforeEach(() => {
    transport = createSlackFetch();
  });
  afterEach(() => transport.close());

  it('posts the body and headers it is given and reads status, headers and body back', async () => {
    const server = await localServer((_req, res) => json(res, 200, { ok: true, ts: '1.2' }, { 'x-slack-req-id': 'abc' }));
    try {
      const res = await transport.fetch(`${server.base}/api/chat.postMessage`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-1' }, body: 'channel=C1&text=h%C3%A9' });
      expect(res.status).toBe(200);
      expect(res.ok).toBe(true);
      expect(res.headers.get('X-Slack-Req-Id')).toBe('abc');
      expect(res.headers.get('missing')).toBeNull();
      expect(await res.json()).toEqual({ ok: true, ts: '1.2' });
      expect(server.seen[0]).toMatchObject({ method: 'POST', url: '/api/chat.postMessage', body: 'channel=C1&text=h%C3%A9' });
      expect(server.seen[0]?.headers.authorization).toBe('Bearer xoxb-1');
      expect(server.seen[0]?.headers['content-length']).toBe(String(Buffer.byteLength('channel=C1&text=h%C3%A9')));
    } finally {
      await server.close();
    }
  });

  itCountsConnections('reuses one connection for calls one after another', async () => {
    const server = await localServer((_req, res) => json(res, 200, { ok: true }));
    try {
      for (let i = 0; i < 5; i++) await (await transport.fetch(`${server.base}/api/x`, { method: 'POST', body: 'a=1' })).text();
      expect(server.connections()).toBe(1);
      expect(new Set(server.seen.map((s) => s.socket)).size).toBe(1);
    } finally {
      await server.close();
    }
  });

  itCountsConnections('keeps no more sockets than maxSockets, however many calls run at once', async () => {
    const bounded = createSlackFetch({ maxSockets: 3 });
    const server = await localServer((_req, res) => setTimeout(() => json(res, 200, { ok: true }), 20));
    try {
      await Promise.all(Array.from({ length: 12 }, () => bounded.fetch(`${server.base}/api/x`, { method: 'POST', body: 'a=1' }).then((r) => r.text())));
      expect(server.seen).toHaveLength(12);
      expect(server.connections()).toBe(3);
    } finally {
      await bounded.close();
      await server.close();
    }
  });

  it('decodes a gzip body and refuses a redirect when told to', async () => {
    const server = await localServer((req, res) => {
      if (req.url === '/moved') {
        res.writeHead(302, { location: '/elsewhere' });
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ ok: true, zipped: 'yes' })));
    });
    try {
      expect(await (await transport.fetch(`${server.base}/zipped`, { method: 'POST', body: '' })).json()).toEqual({ ok: true, zipped: 'yes' });
      await expect(transport.fetch(`${server.base}/moved`, { method: 'POST', body: '', redirect: 'error' })).rejects.toThrow(/redirected/);
    } finally {
      await server.close();
    }
  });

  it('fails a call that gets no answer within the idle timeout', async () => {
    const impatient = createSlackFetch({ idleTimeoutMs: 100 });
    const server = await localServer(() => undefined);
    try {
      await expect(impatient.fetch(`${server.base}/api/x`, { method: 'POST', body: 'a=1' })).rejects.toThrow(/no response/);
    } finally {
      await impatient.close(0);
      await server.close();
    }
  });
});

describe('the answer poster (chat.postMessage as JSON)', () => {
  let transport: SlackFetch;
  const waits: number[] = [];
  const sleep = async (ms: number): Promise<void> => void waits.push(ms);
  const retry = { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 10_000, maxRetryTime: 30_000 };

  beforeEach(() => {
    transport = createSlackFetch();
    waits.length = 0;
  });
  afterEach(() => transport.close());

  it('sends one JSON body with the bot token and the blocks as an array', async () => {
    const server = await localServer((_req, res) => json(res, 200, { ok: true, ts: '1.2' }));
    try {
      const post = createAnswerPoster({ token: 'xoxb-9', apiUrl: `${server.base}/api/`, fetch: transport.fetch, retry, sleep });
      await post({ channel: 'C1', thread_ts: '1.1', text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }], unfurl_links: false });
      expect(server.seen).toHaveLength(1);
      expect(server.seen[0]?.url).toBe('/api/chat.postMessage');
      expect(server.seen[0]?.headers['content-type']).toMatch(/^application\/json/);
      expect(server.seen[0]?.headers.authorization).toBe('Bearer xoxb-9');
      expect(JSON.parse(server.seen[0]?.body ?? '')).toEqual({ channel: 'C1', thread_ts: '1.1', text: 'hi', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }], unfurl_links: false });
    } finally {
      await server.close();
    }
  });

  it('waits Retry-After after a 429, and backs off after a 5xx, then posts', async () => {
    let calls = 0;
    const server = await localServer((_req, res) => {
      calls++;
      if (calls === 1) json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '2' });
      else if (calls === 2) json(res, 503, { ok: false });
      else json(res, 200, { ok: true });
    });
    try {
      const post = createAnswerPoster({ token: 'xoxb-9', apiUrl: `${server.base}/api/`, fetch: transport.fetch, retry, sleep });
      await post({ channel: 'C1', text: 'hi' });
      expect(calls).toBe(3);
      expect(waits).toEqual([2000, 2000]);
    } finally {
      await server.close();
    }
  });

  it('waits out a Retry-After longer than the retry budget, up to two minutes, and gives up beyond', async () => {
    let calls = 0;
    let retryAfter = '45';
    const server = await localServer((_req, res) => {
      calls++;
      if (calls % 2 === 1) json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': retryAfter });
      else json(res, 200, { ok: true });
    });
    try {
      const post = createAnswerPoster({ token: 'xoxb-9', apiUrl: `${server.base}/api/`, fetch: transport.fetch, retry, sleep });
      await post({ channel: 'C1', text: 'hi' });
      expect(calls).toBe(2);
      expect(waits).toEqual([45_000]);
      retryAfter = '600';
      await expect(post({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({ code: webApi.ErrorCode.RateLimitedError, retryAfter: 600 });
      expect(calls).toBe(3);
      expect(waits).toEqual([45_000]);
    } finally {
      await server.close();
    }
  });

  it('does not retry what Slack refused (ok: false), and says why like the WebClient', async () => {
    const server = await localServer((_req, res) => json(res, 200, { ok: false, error: 'channel_not_found' }));
    try {
      const post = createAnswerPoster({ token: 'xoxb-9', apiUrl: `${server.base}/api/`, fetch: transport.fetch, retry, sleep });
      const error = (await post({ channel: 'C1', text: 'hi' }).catch((e: unknown) => e)) as SlackApiError;
      expect(error.code).toBe(webApi.ErrorCode.PlatformError);
      expect(error.data).toEqual({ ok: false, error: 'channel_not_found' });
      expect(server.seen).toHaveLength(1);
      expect(waits).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('gives up after the configured retries', async () => {
    const server = await localServer((_req, res) => json(res, 500, { ok: false }));
    try {
      const post = createAnswerPoster({ token: 'xoxb-9', apiUrl: `${server.base}/api/`, fetch: transport.fetch, retry, sleep });
      await expect(post({ channel: 'C1', text: 'hi' })).rejects.toMatchObject({ code: webApi.ErrorCode.HTTPError, statusCode: 500 });
      expect(server.seen).toHaveLength(4);
      expect(waits).toEqual([1000, 2000, 4000]);
    } finally {
      await server.close();
    }
  });
});
