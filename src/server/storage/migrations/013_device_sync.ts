import type { Migration } from './migration';

/**
 * When the service last heard from each device (a pull naming it) and how far that device's clock
 * was off then. An offline redemption cannot have happened before the desk's last sync, so its
 * claimed time is judged against this row, not taken on trust.
 */
export const migration013DeviceSync: Migration = {
  version: 13,
  name: '013_device_sync',
  up(db) {
    db.exec(`
      CREATE TABLE device_sync (
        device_id    TEXT PRIMARY KEY REFERENCES devices (device_id),
        at           INTEGER NOT NULL,
        clock_offset INTEGER NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};
