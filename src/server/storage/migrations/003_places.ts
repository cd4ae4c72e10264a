import type { Migration } from './migration';

export const migration003Places: Migration = {
  version: 3,
  name: '003_places',
  up(db) {
    db.exec(`
      CREATE TABLE merchants (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL
      );

      CREATE TABLE warehouses (
        id   TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        city TEXT NOT NULL
      );

      -- The warehouse nearest to each province: physical goods ship from there when it has stock.
      CREATE TABLE province_warehouses (
        province     TEXT PRIMARY KEY,
        warehouse_id TEXT NOT NULL REFERENCES warehouses (id)
      );

      -- Stores redeem the codes of their merchant.
      CREATE TABLE stores (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        merchant_id TEXT NOT NULL REFERENCES merchants (id)
      );

      CREATE TABLE dealers (
        id       TEXT PRIMARY KEY,
        name     TEXT NOT NULL,
        province TEXT NOT NULL
      );
    `);
  },
  postgres: `
      CREATE TABLE merchants (
        id   text PRIMARY KEY,
        name text NOT NULL
      );
      CREATE TABLE warehouses (
        id   text PRIMARY KEY,
        name text NOT NULL,
        city text NOT NULL
      );
      CREATE TABLE province_warehouses (
        province     text PRIMARY KEY,
        warehouse_id text NOT NULL REFERENCES warehouses (id)
      );
      CREATE TABLE stores (
        id          text PRIMARY KEY,
        name        text NOT NULL,
        merchant_id text NOT NULL REFERENCES merchants (id)
      );
      CREATE TABLE dealers (
        id       text PRIMARY KEY,
        name     text NOT NULL,
        province text NOT NULL
      );
    `,
};
