import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { OUR_EVENTS } from '../../../adapters/slack/listeners';
import { ROOT } from '../../support/kb';

interface Manifest {
  features: { slash_commands: Array<{ command: string; url: string }>; app_home: { home_tab_enabled: boolean } };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { request_url: string; bot_events: string[] }; interactivity: { is_enabled: boolean; request_url: string } };
}

describe('Slack app manifest', () => {
  const manifest = parse(readFileSync(path.join(ROOT, 'adapters', 'slack', 'manifest.yaml'), 'utf8')) as Manifest;
  const listeners = readFileSync(path.join(ROOT, 'adapters', 'slack', 'listeners.ts'), 'utf8');

  it('asks for exactly the scopes the listeners use', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(['app_mentions:read', 'channels:history', 'chat:write', 'commands', 'groups:history', 'im:history']);
  });

  it('subscribes to the events the listeners handle', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(['app_mention', 'app_home_opened', 'message.im']));
    // Every subscribed event besides messages reaches our one event listener, and only those.
    const events = manifest.settings.event_subscriptions.bot_events.filter((name) => !name.startsWith('message.'));
    expect(events.filter((name) => !OUR_EVENTS.test(name))).toEqual([]);
    expect(OUR_EVENTS.test('app_uninstalled')).toBe(false);
    expect(listeners).toContain('app.event(OUR_EVENTS');
    expect(listeners).toContain('app.message(');
    expect(listeners).toContain("app.command('/whoowns'");
  });

  it('points commands, events and interactivity at /slack/events', () => {
    expect(manifest.features.slash_commands[0]?.command).toBe('/whoowns');
    for (const url of [manifest.features.slash_commands[0]?.url, manifest.settings.event_subscriptions.request_url, manifest.settings.interactivity.request_url]) {
      expect(url).toMatch(/\/slack\/events$/);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });
});
