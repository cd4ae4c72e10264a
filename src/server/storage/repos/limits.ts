import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { LimitsRepo } from '../repositories';

export const limitsRepo = (db: Sql): LimitsRepo => ({
  async hitsSince(checks) {
    // Two-int advisory locks (4613) on the keys, in one statement and always in the caller's order:
    // the check and the hit that may follow are one step for every node, and as they are held to
    // the end of the unit, every round trip saved here is one less that others wait for. SQLite
    // needs none (its units run one at a time).
    if (db.dialect === 'postgres')
      await db.run(
        sql`SELECT ${sql.join(checks.map(({ bucket, key }) => sql`pg_advisory_xact_lock(4613, hashtext(${`${bucket}:${key}`}))`))}`,
      );
    const rows = await db.all(
      sql<{ bucket: string; key: string; at: number }>`SELECT bucket, key, at FROM limit_hits
        WHERE ${sql.join(
          checks.map(({ bucket, key, since }) => sql`(bucket = ${bucket} AND key = ${key} AND at > ${since})`),
          sql` OR `,
        )}
        ORDER BY at`,
    );
    return checks.map(({ bucket, key }) => rows.filter((r) => r.bucket === bucket && r.key === key).map((r) => r.at));
  },
  async hit(bucket, key, at, forgetBefore) {
    await db.run(sql`DELETE FROM limit_hits WHERE bucket = ${bucket} AND key = ${key} AND at <= ${forgetBefore}`);
    await db.run(sql`INSERT INTO limit_hits (bucket, key, at) VALUES (${bucket}, ${key}, ${at})`);
  },
});
