/**
 * DATABASE_URL -> a Store: unset means ./data/whoowns.db; a plain path or a file: URL is that
 * SQLite file; postgres:// or postgresql:// is PostgreSQL. Migrations run before it is returned.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WhoownsError } from '../errors';
import { PostgresStore } from './postgres-store';
import { SqliteStore } from './sqlite-store';
import type { Store } from './store';

export const DEFAULT_DATABASE = path.join('data', 'whoowns.db');

export function describeDatabase(url: string | undefined): { kind: 'sqlite' | 'postgres'; location: string } {
  if (!url) return { kind: 'sqlite', location: path.resolve(DEFAULT_DATABASE) };
  if (/^postgres(?:ql)?:\/\//i.test(url)) return { kind: 'postgres', location: url };
  if (/^file:/i.test(url)) {
    try {
      return { kind: 'sqlite', location: url.startsWith('file://') ? fileURLToPath(url) : path.resolve(url.slice('file:'.length)) };
    } catch (error) {
      throw new WhoownsError('CONFIG_INVALID', 'DATABASE_URL is not a valid file: URL', { cause: error });
    }
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new WhoownsError('CONFIG_INVALID', 'DATABASE_URL must be a SQLite path, a file: URL or a postgres:// URL');
  return { kind: 'sqlite', location: url === ':memory:' ? url : path.resolve(url) };
}

export async function openStore(url: string | undefined): Promise<Store> {
  const { kind, location } = describeDatabase(url);
  const store = kind === 'postgres' ? new PostgresStore(location) : new SqliteStore(location);
  try {
    await store.migrate();
  } catch (error) {
    await store.close().catch(() => undefined);
    throw new WhoownsError('CONFIG_INVALID', `could not open the ${kind} database: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return store;
}
