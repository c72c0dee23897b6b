/**
 * The baseline for `npm run bench:http`: a bare Bolt app on its own HTTP receiver that verifies
 * the same signed requests and acknowledges them with trivial handlers. With BARE_ANSWERS=on it
 * also answers like a minimal bot: a fixed text in the slash command's acknowledgement and a fixed
 * reply to each mention through Bolt's own say() (chat.postMessage to the bench's stand-in, set
 * by SLACK_API_URL).
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';

const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events', processBeforeResponse: false });
const answers = process.env.BARE_ANSWERS === 'on';
const apiUrl = process.env.SLACK_API_URL;
const app = new App({ receiver, token: 'xoxb-bench', botId: 'BBENCH', botUserId: 'UBENCH', logLevel: LogLevel.ERROR, clientOptions: { retryConfig: { retries: 0 }, ...(apiUrl ? { slackApiUrl: apiUrl } : {}) } });
app.command('/whoowns', async ({ ack }) => {
  await (answers ? ack({ response_type: 'ephemeral', text: 'The customer owns this.' }) : ack());
});
app.event('app_mention', async ({ event, say }) => {
  if (answers) await say({ text: 'The customer owns this.', thread_ts: event.ts });
});
void receiver.start(Number(process.env.PORT ?? 3999)).then(() => console.log('bare bolt listening'));
