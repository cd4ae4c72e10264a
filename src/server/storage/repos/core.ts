import { sql } from 'kysely';
import type { DataScope, Role } from '../../../shared/domain/vocabulary';
import type { Sql } from '../dialect';
import type {
  CountersRepo,
  DevicesRepo,
  SequenceRepo,
  SettingsRepo,
  TokensRepo,
  UserRow,
  UsersRepo,
} from '../repositories';
import { flag, json } from './values';

/**
 * SQLite: one counter row. Units never interleave there, so commit order is sequence order and
 * the current value is a safe pull horizon.
 */
const sqliteSequence = (db: Sql): SequenceRepo => ({
  async next() {
    const row = await db.first(
      sql<{ value: number }>`UPDATE sync_sequence SET value = value + 1 WHERE id = 1 RETURNING value`,
    );
    return row!.value;
  },
  async current() {
    return (await db.first(sql<{ value: number }>`SELECT value FROM sync_sequence WHERE id = 1`))!.value;
  },
});

/** A unit's savepoints, as makeTx keeps them: a number taken inside one is undone with it. */
export interface Savepoints {
  depth: number;
}

export interface UnitSequence extends SequenceRepo {
  /** The unit rolled back to the savepoint it opened at `depth`: locks taken inside it are gone. */
  rolledBack(depth: number): void;
}

/**
 * PostgreSQL: units of many nodes run at once, so a change numbered 7 may commit after one numbered
 * 8. A unit's first number is taken with take_change_seq() (migration 001), which holds an advisory
 * lock on it until the unit ends; change_horizon() answers the highest number below every unit
 * still open. A pull reads only up to that horizon, so a number it passes can never commit later.
 * Later numbers of the unit are above its first, so plain nextval() is enough for them, unless the
 * savepoint the lock was taken in has been rolled back (which releases it).
 */
const postgresSequence = (db: Sql, savepoints: Savepoints): UnitSequence => {
  let lockedAt: number | null = null;
  return {
    async next() {
      const take =
        lockedAt === null
          ? sql<{ value: number }>`SELECT take_change_seq() AS value`
          : sql<{ value: number }>`SELECT nextval('change_seq') AS value`;
      const row = await db.first(take);
      lockedAt ??= savepoints.depth;
      return row!.value;
    },
    async current() {
      return (await db.first(sql<{ value: number }>`SELECT change_horizon() AS value`))!.value;
    },
    rolledBack(depth) {
      if (lockedAt !== null && lockedAt >= depth) lockedAt = null;
    },
  };
};

export const sequenceRepo = (db: Sql, savepoints: Savepoints): UnitSequence =>
  db.dialect === 'postgres' ? postgresSequence(db, savepoints) : { ...sqliteSequence(db), rolledBack: () => undefined };

export const countersRepo = (db: Sql): CountersRepo => ({
  async next(name, floor) {
    const row = await db.first(
      sql<{ value: number }>`INSERT INTO counters (name, value) VALUES (${name}, ${floor + 1})
        ON CONFLICT (name) DO UPDATE
          SET value = CASE WHEN counters.value > ${floor} THEN counters.value ELSE ${floor} END + 1
        RETURNING value`,
    );
    return row!.value;
  },
});

export const settingsRepo = (db: Sql): SettingsRepo => ({
  async get(key) {
    const row = await db.first(sql<{ value: string }>`SELECT value FROM settings WHERE key = ${key}`);
    return row?.value ?? null;
  },
  async set(key, value) {
    await db.run(
      sql`INSERT INTO settings (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    );
  },
});

const USER_COLUMNS = sql`u.id, u.username, u.display_name AS "displayName", u.role, u.scope,
  u.password_hash AS "passwordHash", u.demo_only AS "demoOnly", u.disabled`;

interface RawUser extends Omit<UserRow, 'scope' | 'demoOnly' | 'disabled'> {
  scope: string;
  demoOnly: unknown;
  disabled: unknown;
}

const toUser = (raw: RawUser | undefined): UserRow | null =>
  raw
    ? {
        ...raw,
        role: raw.role as Role,
        scope: JSON.parse(raw.scope) as DataScope,
        demoOnly: flag(raw.demoOnly),
        disabled: flag(raw.disabled),
      }
    : null;

export const usersRepo = (db: Sql): UsersRepo => ({
  async byUsername(username) {
    return toUser(await db.first(sql<RawUser>`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = ${username}`));
  },
  async insert(user, createdAt) {
    await db.run(
      sql`INSERT INTO users (id, username, display_name, role, scope, password_hash, demo_only, disabled, created_at,
         updated_at)
       VALUES (${user.id}, ${user.username}, ${user.displayName}, ${user.role}, ${json(user.scope)},
         ${user.passwordHash}, ${user.demoOnly}, ${user.disabled}, ${createdAt}, ${createdAt})`,
    );
  },
  async list() {
    return (await db.all(sql<RawUser>`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`)).map((raw) =>
      toUser(raw)!,
    );
  },
  async update(user, updatedAt) {
    await db.run(
      sql`UPDATE users SET display_name = ${user.displayName}, role = ${user.role}, scope = ${json(user.scope)},
         password_hash = ${user.passwordHash}, disabled = ${user.disabled}, updated_at = ${updatedAt}
       WHERE id = ${user.id}`,
    );
  },
  async countActive(role) {
    const ofRole = role === undefined ? sql`` : sql`AND role = ${role}`;
    const row = await db.first(
      sql<{ n: number }>`SELECT COUNT(*) AS n FROM users WHERE demo_only = ${false} AND disabled = ${false} ${ofRole}`,
    );
    return row!.n;
  },
});

export const tokensRepo = (db: Sql): TokensRepo => ({
  async insert(tokenHash, userId, createdAt, expiresAt) {
    await db.run(
      sql`INSERT INTO tokens (token_hash, user_id, created_at, expires_at)
        VALUES (${tokenHash}, ${userId}, ${createdAt}, ${expiresAt})`,
    );
  },
  async sessionFor(tokenHash, now) {
    const raw = await db.first(
      sql<RawUser & { expiresAt: number }>`SELECT ${USER_COLUMNS}, t.expires_at AS "expiresAt"
       FROM tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ${tokenHash} AND t.expires_at > ${now} AND u.disabled = ${false}`,
    );
    const user = toUser(raw);
    return raw && user ? { user, expiresAt: raw.expiresAt } : null;
  },
  async purgeExpired(now) {
    return db.run(sql`DELETE FROM tokens WHERE expires_at <= ${now}`);
  },
  async revokeUser(userId) {
    return db.run(sql`DELETE FROM tokens WHERE user_id = ${userId}`);
  },
  async revoke(tokenHash) {
    return (await db.run(sql`DELETE FROM tokens WHERE token_hash = ${tokenHash}`)) > 0;
  },
});

export const devicesRepo = (db: Sql): DevicesRepo => ({
  async byId(deviceId) {
    return (
      (await db.first(
        sql<{ deviceId: string; deviceCode: number }>`SELECT device_id AS "deviceId", device_code AS "deviceCode"
          FROM devices WHERE device_id = ${deviceId}`,
      )) ?? null
    );
  },
  async maxCode() {
    return (await db.first(sql<{ m: number }>`SELECT COALESCE(MAX(device_code), 0) AS m FROM devices`))!.m;
  },
  async insert(device, registeredBy, registeredAt) {
    const inserted = await db.run(
      sql`INSERT INTO devices (device_id, device_code, registered_by, registered_at)
        VALUES (${device.deviceId}, ${device.deviceCode}, ${registeredBy}, ${registeredAt})
        ON CONFLICT (device_id) DO NOTHING`,
    );
    return inserted === 1;
  },
});
