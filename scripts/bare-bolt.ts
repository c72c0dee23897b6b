/**
 * The baseline for `npm run bench:http`: a bare Bolt app on its own HTTP receiver that verifies
 * the same signed requests and acknowledges them with trivial handlers.
 */
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';

const receiver = new ExpressReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET ?? '', endpoints: '/slack/events', processBeforeResponse: false });
const app = new App({ receiver, token: 'xoxb-bench', botId: 'BBENCH', botUserId: 'UBENCH', logLevel: LogLevel.ERROR, clientOptions: { retryConfig: { retries: 0 } } });
app.command('/whoowns', async ({ ack }) => {
  await ack();
});
app.event('app_mention', async () => undefined);
void receiver.start(Number(process.env.PORT ?? 3999)).then(() => console.log('bare bolt listening'));
