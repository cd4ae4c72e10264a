import { sql } from 'kysely';
import type { Sql } from '../dialect';
import type { Tx } from '../repositories';
import { deviceSyncRepo, loginAttemptsRepo } from './auth';
import { catalogueRepo, stockRepo } from './catalogue';
import { connectorsRepo } from './connectors';
import { countersRepo, devicesRepo, sequenceRepo, settingsRepo, tokensRepo, usersRepo } from './core';
import { intentsRepo, refundsRepo } from './intents';
import { limitsRepo } from './limits';
import { exitsRepo, ordersRepo } from './orders';
import { floorRepo } from './floor';
import { placesRepo } from './places';
import { waybillPoolRepo } from './waybill-pool';
import { codesRepo, redeemRequestsRepo, redemptionsRepo } from './redemption';
import { externalOrdersRepo, shopsRepo } from './shops';
import { outboundRepo } from './outbound';
import { auditRepo } from './audit';

/** One unit's view of the store, over either engine: the repositories are the same code for both. */
export function makeTx(db: Sql): Tx {
  const savepoints = { depth: 0 };
  const sequence = sequenceRepo(db, savepoints);
  return {
    sequence,
    counters: countersRepo(db),
    limits: limitsRepo(db),
    settings: settingsRepo(db),
    users: usersRepo(db),
    tokens: tokensRepo(db),
    loginAttempts: loginAttemptsRepo(db),
    deviceSync: deviceSyncRepo(db),
    devices: devicesRepo(db),
    places: placesRepo(db),
    catalogue: catalogueRepo(db),
    floor: floorRepo(db),
    waybillPool: waybillPoolRepo(db),
    stock: stockRepo(db),
    orders: ordersRepo(db),
    exits: exitsRepo(db),
    codes: codesRepo(db),
    redemptions: redemptionsRepo(db),
    redeemRequests: redeemRequestsRepo(db),
    intents: intentsRepo(db),
    refunds: refundsRepo(db),
    shops: shopsRepo(db),
    externalOrders: externalOrdersRepo(db),
    outbound: outboundRepo(db),
    audit: auditRepo(db),
    connectors: connectorsRepo(db),
    async attempt(work) {
      const depth = ++savepoints.depth;
      const savepoint = sql.id(`attempt_${depth}`);
      await db.run(sql`SAVEPOINT ${savepoint}`);
      try {
        const value = await work();
        await db.run(sql`RELEASE SAVEPOINT ${savepoint}`);
        return value;
      } catch (error) {
        await db.run(sql`ROLLBACK TO SAVEPOINT ${savepoint}`);
        await db.run(sql`RELEASE SAVEPOINT ${savepoint}`);
        sequence.rolledBack(depth);
        throw error;
      } finally {
        savepoints.depth--;
      }
    },
  };
}
