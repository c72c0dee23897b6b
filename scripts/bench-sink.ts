/**
 * For `npm run bench:http`: stands in for Slack's Web API, response_url and the Teams connector
 * on loopback, answering 200 at once. Runs in its own process so it never competes with the
 * load generator for an event loop.
 */
import { createServer } from 'node:http';

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(req.url?.endsWith('/auth.test') ? JSON.stringify({ ok: true, user_id: 'UBENCH', bot_id: 'BBENCH' }) : JSON.stringify({ ok: true, id: 'x', ts: '1.1', channel: 'C1' }));
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 3980), '127.0.0.1', () => console.log('sink listening'));
