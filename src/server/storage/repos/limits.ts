import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { LimitsRepo } from '../repositories';

export const limitsRepo = (db: Sql): LimitsRepo => ({
  async hitsSince(bucket, key, since) {
    // A two-int advisory lock (4613) on the key: the check and the hit that may follow are one
    // step for every node. SQLite needs none (its units run one at a time).
    if (db.dialect === 'postgres')
      await db.run(sql`SELECT pg_advisory_xact_lock(4613, hashtext(${`${bucket}:${key}`}))`);
    const rows = await db.all(
      sql<{ at: number }>`SELECT at FROM limit_hits WHERE bucket = ${bucket} AND key = ${key} AND at > ${since}
        ORDER BY at`,
    );
    return rows.map((r) => r.at);
  },
  async hit(bucket, key, at, forgetBefore) {
    await db.run(sql`DELETE FROM limit_hits WHERE bucket = ${bucket} AND key = ${key} AND at <= ${forgetBefore}`);
    await db.run(sql`INSERT INTO limit_hits (bucket, key, at) VALUES (${bucket}, ${key}, ${at})`);
  },
});
