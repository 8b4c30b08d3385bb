import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeStored, encodeStored } from '../../localcloud/store/bsonValues';
import type { RequestDoc } from '../../server/db/requests/requestStore';
import { repoRoot } from '../functionList';
import { requestSeed } from './requestSeed';

/** The seed's organisations (data/orgs.json): the requests are spread over them. */
export function seedOrgIds(): string[] {
  return (JSON.parse(readFileSync(path.join(repoRoot, 'data', 'orgs.json'), 'utf8')) as Array<{ id: string }>).map((o) => o.id);
}

/**
 * `count` requests and their `request_stats` counters (built by the actions' own bump functions)
 * straight into the local cloud's SQLite file before it opens, as the store writes rows; and a
 * province-wide cadre role for `cadre`.
 */
export function writeRequestsDirectly(dataDir: string, count: number, now: Date, cadre: string): void {
  const { requests, counters } = requestSeed(count, seedOrgIds(), now, 'bench');
  const db = new Database(path.join(dataDir, 'documents.sqlite'));
  try {
    const put = db.prepare('INSERT OR REPLACE INTO documents (collection, id, version, body) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const doc of requests) put.run('requests', doc._id, 1, encodeStored({ ...doc }));
      for (const doc of counters) put.run('request_stats', doc._id, 1, encodeStored({ ...doc }));
      put.run('roles', `cadre|${cadre}`, 1, encodeStored({ _id: `cadre|${cadre}`, openid: cadre, role: 'cadre', orgId: 'qh', grantedBy: 'bench', grantedAt: now }));
    })();
  } finally {
    db.close();
  }
}

/** Every request as stored, read straight from the file (for a plain count to compare with). */
export function readRequestsDirectly(dataDir: string): RequestDoc[] {
  const db = new Database(path.join(dataDir, 'documents.sqlite'), { readonly: true });
  try {
    return (db.prepare("SELECT body FROM documents WHERE collection = 'requests'").all() as Array<{ body: string }>).map((row) => decodeStored(row.body) as unknown as RequestDoc);
  } finally {
    db.close();
  }
}
