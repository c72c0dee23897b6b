import nock from 'nock';
import { createSlackSender } from '../../../adapters/slack/slack-sender';
import type { AnnouncementAnswer } from '../../../src/answers/answer';
import { API_ORIGIN, API_URL, BOT_TOKEN } from '../../support/slack';

const announcement: AnnouncementAnswer = { kind: 'announcement', kbVersion: '2.0.0', query: '', confidence: 1, title: 'The responsibility model changed', changelog: 'x', changes: ['Amazon RDS · Backups: owner changed.'], omitted: 0 };

describe('Slack announcement sender', () => {
  beforeAll(() => {
    nock.disableNetConnect();
  });
  afterEach(() => nock.cleanAll());
  afterAll(() => {
    nock.enableNetConnect();
    // nock patches node:http for the whole jest worker; un-patch it for the next test file.
    nock.restore();
  });

  it('posts the announcement card and reports it sent', async () => {
    let body = '';
    nock(API_ORIGIN)
      .post('/api/chat.postMessage', (b: unknown) => ((body = JSON.stringify(b)), true))
      .reply(200, { ok: true, channel: 'C1', ts: '1.0' });
    expect(await createSlackSender(BOT_TOKEN, API_URL).send('C1', null, announcement)).toEqual({ kind: 'sent' });
    expect(body).toContain('Amazon RDS · Backups: owner changed.');
  });

  it('turns a 429 into a retry after the Retry-After, without retrying by itself', async () => {
    const scope = nock(API_ORIGIN).post('/api/chat.postMessage').reply(429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '7' });
    expect(await createSlackSender(BOT_TOKEN, API_URL).send('C1', null, announcement)).toEqual({ kind: 'retry', reason: 'ratelimited', retryAfterMs: 7000 });
    expect(scope.isDone()).toBe(true);
  });

  it.each(['channel_not_found', 'not_in_channel', 'is_archived'])('treats %s as permanent', async (error) => {
    nock(API_ORIGIN).post('/api/chat.postMessage').reply(200, { ok: false, error });
    expect(await createSlackSender(BOT_TOKEN, API_URL).send('C1', null, announcement)).toEqual({ kind: 'permanent', reason: error });
  });

  it('retries a 5xx later', async () => {
    nock(API_ORIGIN).post('/api/chat.postMessage').reply(503, 'unavailable');
    expect(await createSlackSender(BOT_TOKEN, API_URL).send('C1', null, announcement)).toMatchObject({ kind: 'retry' });
  });
});
