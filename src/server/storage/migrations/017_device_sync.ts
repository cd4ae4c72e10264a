import type { Migration } from './migration';

/**
 * When the service last heard from each device (a pull naming it) and how far that device's clock
 * was off then. An offline redemption cannot have happened before the desk's last sync, so its
 * claimed time is judged against this row, not taken on trust.
 */
export const migration017DeviceSync: Migration = {
  version: 17,
  name: '017_device_sync',
  up(db) {
    db.exec(`
      CREATE TABLE device_sync (
        device_id    TEXT PRIMARY KEY REFERENCES devices (device_id),
        at           INTEGER NOT NULL,
        clock_offset INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
  postgres: `
      CREATE TABLE device_sync (
        device_id    text PRIMARY KEY REFERENCES devices (device_id),
        at           bigint NOT NULL,
        clock_offset bigint NOT NULL
      );
    `,
};
