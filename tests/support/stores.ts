import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { openStore } from '../../src/store/open-store';
import type { Store } from '../../src/store/store';

/** A fresh SQLite file in a temporary folder. */
export function sqliteFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'whoowns-store-')), 'whoowns.db');
}

/**
 * PG_TEST_URL names a PostgreSQL server for the store tests (.ci/run starts one on loopback).
 * Each call gets a database of its own, created on that server.
 */
export const PG_TEST_URL = process.env.PG_TEST_URL;

let counter = 0;

export async function freshPostgresUrl(): Promise<string> {
  if (!PG_TEST_URL) throw new Error('PG_TEST_URL is not set');
  const name = `whoowns_test_${process.pid}_${Date.now()}_${++counter}`;
  const admin = new Client({ connectionString: PG_TEST_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface StoreKind {
  readonly name: string;
  /** A URL for DATABASE_URL pointing at an empty database. */
  url(): Promise<string>;
}

export const STORE_KINDS: readonly StoreKind[] = [
  { name: 'sqlite', url: async () => sqliteFile() },
  ...(PG_TEST_URL ? [{ name: 'postgres', url: freshPostgresUrl }] : []),
];

export async function openFresh(kind: StoreKind): Promise<{ store: Store; url: string }> {
  const url = await kind.url();
  return { store: await openStore(url), url };
}

if (!PG_TEST_URL && process.env.CI) {
  // In CI the PostgreSQL tests must run; .ci/run sets PG_TEST_URL.
  throw new Error('CI is set but PG_TEST_URL is not: .ci/run should have started PostgreSQL');
}
