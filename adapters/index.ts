/** The chat platforms whoowns can serve; each starts only when its settings are present. */
import type { AdapterStarter } from '../src/adapter';
import { startSlackAdapter } from './slack/slack-adapter';
import { startTeamsAdapter } from './teams/teams-adapter';
import { startPlayground } from './web/playground';

export const platformAdapters: readonly AdapterStarter[] = [
  async (context) => {
    const slack = await startSlackAdapter(context);
    return slack ? { name: `slack (${slack.mode})`, sender: slack.sender, stop: () => slack.stop() } : null;
  },
  startTeamsAdapter,
  startPlayground,
];
