import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildTeamsPackage, manifestFor, MANIFEST_DIR } from '../../../adapters/teams/package';

const APP_ID = '11111111-2222-3333-4444-555555555555';

interface Manifest {
  manifestVersion: string;
  id: string;
  bots: Array<{ botId: string; scopes: string[]; commandLists: Array<{ commands: Array<{ title: string; description: string }> }> }>;
  icons: { color: string; outline: string };
}

describe('Teams app package', () => {
  it('fills in the app id everywhere', () => {
    const manifest = JSON.parse(manifestFor(APP_ID)) as Manifest;
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('lists the bot commands in personal, team and group chat', () => {
    const manifest = JSON.parse(manifestFor(APP_ID)) as Manifest;
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const titles = manifest.bots[0]?.commandLists[0]?.commands.map((c) => c.title);
    expect(titles).toEqual(['help', 'service', 'subscribe', 'unsubscribe', 'subscriptions']);
    for (const c of manifest.bots[0]?.commandLists[0]?.commands ?? []) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('refuses an app id that is not a GUID', () => {
    expect(() => manifestFor('')).toThrow(/GUID/);
    expect(() => manifestFor('"; rm -rf /')).toThrow(/GUID/);
  });

  it('icons have the sizes Teams requires', () => {
    const size = (file: string): [number, number] => {
      const png = readFileSync(path.join(MANIFEST_DIR, file));
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    expect(size('color.png')).toEqual([192, 192]);
    expect(size('outline.png')).toEqual([32, 32]);
  });

  it('zips manifest.json, color.png and outline.png into an archive other tools read', () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-pkg-')), 'app.zip');
    writeFileSync(file, buildTeamsPackage(APP_ID));
    // Python's zipfile checks every entry's CRC and reads the manifest back.
    const script = `import zipfile,sys,json\nz=zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nprint(json.dumps({"names":sorted(z.namelist()),"id":json.loads(z.read("manifest.json"))["id"]}))`;
    const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as { names: string[]; id: string };
    expect(out).toEqual({ names: ['color.png', 'manifest.json', 'outline.png'], id: APP_ID });
  });
});
