export type { Migration } from '../../../node/sqlite/migrate';
