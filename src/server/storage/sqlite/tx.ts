import type { Db } from '../db';
import type { Tx } from '../repositories';
import { catalogueRepo, stockRepo } from './catalogue';
import { devicesRepo, sequenceRepo, settingsRepo, tokensRepo, usersRepo } from './core';
import { intentsRepo, refundsRepo } from './intents';
import { exitsRepo, ordersRepo } from './orders';
import { placesRepo } from './places';
import { codesRepo, redeemRequestsRepo, redemptionsRepo } from './redemption';
import { externalOrdersRepo, shopsRepo } from './shops';
import { statementCache } from './statements';

export function sqliteTx(db: Db): Tx {
  const sql = statementCache(db);
  let depth = 0;
  return {
    sequence: sequenceRepo(sql),
    settings: settingsRepo(sql),
    users: usersRepo(sql),
    tokens: tokensRepo(sql),
    devices: devicesRepo(sql),
    places: placesRepo(sql),
    catalogue: catalogueRepo(sql),
    stock: stockRepo(sql),
    orders: ordersRepo(sql),
    exits: exitsRepo(sql),
    codes: codesRepo(sql),
    redemptions: redemptionsRepo(sql),
    redeemRequests: redeemRequestsRepo(sql),
    intents: intentsRepo(sql),
    refunds: refundsRepo(sql),
    shops: shopsRepo(sql),
    externalOrders: externalOrdersRepo(sql),
    async attempt(work) {
      const name = `attempt_${++depth}`;
      db.exec(`SAVEPOINT ${name}`);
      try {
        const value = await work();
        db.exec(`RELEASE ${name}`);
        return value;
      } catch (error) {
        db.exec(`ROLLBACK TO ${name}`);
        db.exec(`RELEASE ${name}`);
        throw error;
      } finally {
        depth--;
      }
    },
  };
}
