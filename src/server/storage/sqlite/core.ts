import type { DataScope, Role } from '../../../shared/domain/vocabulary';
import type { DevicesRepo, SequenceRepo, SettingsRepo, TokensRepo, UserRow, UsersRepo } from '../repositories';
import { bool } from '../sql';
import { flag, type Prepare } from './statements';

export const sequenceRepo = (sql: Prepare): SequenceRepo => ({
  async next() {
    const row = sql('UPDATE sync_sequence SET value = value + 1 WHERE id = 1 RETURNING value').get() as {
      value: number;
    };
    return row.value;
  },
  async current() {
    return (sql('SELECT value FROM sync_sequence WHERE id = 1').get() as { value: number }).value;
  },
});

export const settingsRepo = (sql: Prepare): SettingsRepo => ({
  async get(key) {
    const row = sql('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  },
  async set(key, value) {
    sql('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  },
});

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, u.scope,
  u.password_hash AS "passwordHash", u.demo_only AS "demoOnly", u.disabled`;

interface RawUser extends Omit<UserRow, 'scope' | 'demoOnly' | 'disabled'> {
  scope: string;
  demoOnly: number;
  disabled: number;
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

export const usersRepo = (sql: Prepare): UsersRepo => ({
  async byUsername(username) {
    return toUser(sql(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = ?`).get(username) as RawUser | undefined);
  },
  async insert(user, createdAt) {
    sql(
      `INSERT INTO users (id, username, display_name, role, scope, password_hash, demo_only, disabled, created_at,
         updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      user.id,
      user.username,
      user.displayName,
      user.role,
      JSON.stringify(user.scope),
      user.passwordHash,
      bool(user.demoOnly),
      bool(user.disabled),
      createdAt,
      createdAt,
    );
  },
  async list() {
    return (sql(`SELECT ${USER_COLUMNS} FROM users u ORDER BY u.username`).all() as RawUser[]).map((raw) =>
      toUser(raw)!,
    );
  },
  async update(user, updatedAt) {
    sql(
      `UPDATE users SET display_name = ?, role = ?, scope = ?, password_hash = ?, disabled = ?, updated_at = ?
       WHERE id = ?`,
    ).run(
      user.displayName,
      user.role,
      JSON.stringify(user.scope),
      user.passwordHash,
      bool(user.disabled),
      updatedAt,
      user.id,
    );
  },
  async countActive(role) {
    const row = sql(
      `SELECT COUNT(*) AS n FROM users WHERE demo_only = 0 AND disabled = 0 AND (? IS NULL OR role = ?)`,
    ).get(role ?? null, role ?? null) as { n: number };
    return row.n;
  },
});

export const tokensRepo = (sql: Prepare): TokensRepo => ({
  async insert(tokenHash, userId, createdAt, expiresAt) {
    sql('INSERT INTO tokens (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      tokenHash,
      userId,
      createdAt,
      expiresAt,
    );
  },
  async sessionFor(tokenHash, now) {
    const raw = sql(
      `SELECT ${USER_COLUMNS}, t.expires_at AS "expiresAt" FROM tokens t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = ? AND t.expires_at > ? AND u.disabled = 0`,
    ).get(tokenHash, now) as (RawUser & { expiresAt: number }) | undefined;
    const user = toUser(raw);
    return raw && user ? { user, expiresAt: raw.expiresAt } : null;
  },
  async purgeExpired(now) {
    return sql('DELETE FROM tokens WHERE expires_at <= ?').run(now).changes;
  },
  async revokeUser(userId) {
    return sql('DELETE FROM tokens WHERE user_id = ?').run(userId).changes;
  },
});

export const devicesRepo = (sql: Prepare): DevicesRepo => ({
  async byId(deviceId) {
    return (
      (sql('SELECT device_id AS "deviceId", device_code AS "deviceCode" FROM devices WHERE device_id = ?').get(
        deviceId,
      ) as { deviceId: string; deviceCode: number } | undefined) ?? null
    );
  },
  async maxCode() {
    return (sql('SELECT COALESCE(MAX(device_code), 0) AS m FROM devices').get() as { m: number }).m;
  },
  async insert(device, registeredBy, registeredAt) {
    sql('INSERT INTO devices (device_id, device_code, registered_by, registered_at) VALUES (?, ?, ?, ?)').run(
      device.deviceId,
      device.deviceCode,
      registeredBy,
      registeredAt,
    );
  },
});
