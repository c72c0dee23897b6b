/**
 * `whoowns teams package`: the Teams app package (manifest.json with the app id filled in,
 * color.png, outline.png) as a zip to upload in Teams. Our own small zip writer (deflate, CRC-32
 * from zlib) keeps the project free of an archive dependency.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { WhoownsError } from '../../src/errors';
import { projectRoot } from '../../src/paths';

// From the project root, so the compiled copy in dist/ finds the files too.
export const MANIFEST_DIR = path.join(projectRoot(), 'adapters', 'teams', 'manifest');
const APP_ID_PLACEHOLDER = '${{MICROSOFT_APP_ID}}';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer;
}

/** A standard zip archive of `entries`, each deflated. */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time and date
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, compressed);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** manifest.json with the Microsoft App ID filled in; refuses an id that is not a GUID. */
export function manifestFor(appId: string, dir = MANIFEST_DIR): string {
  if (!GUID.test(appId)) throw new WhoownsError('USAGE', 'the Microsoft App ID must be a GUID (from the Azure Bot registration); pass --app-id or set MicrosoftAppId');
  const text = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
  return text.split(APP_ID_PLACEHOLDER).join(appId.toLowerCase());
}

export function buildTeamsPackage(appId: string, dir = MANIFEST_DIR): Buffer {
  return zip([
    { name: 'manifest.json', data: Buffer.from(manifestFor(appId, dir), 'utf8') },
    { name: 'color.png', data: readFileSync(path.join(dir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(path.join(dir, 'outline.png')) },
  ]);
}

export function writeTeamsPackage(appId: string, out: string): string {
  const file = path.resolve(out);
  writeFileSync(file, buildTeamsPackage(appId));
  return file;
}
