import { randomBytes } from 'node:crypto';
import { codeVerifier } from '../../node/code-hash';
import { parseVerifierKey, verifierKeyText, type VerifierKey } from '../../shared/domain/code-verifier';
import type { ServiceConfig } from '../config';
import type { Deps } from '../deps';
import { SYSTEM_ACTOR, type WorkContext } from '../orders/context';
import { saveOrder } from '../orders/persist';
import { stateOf } from '../orders/state';
import type { Tx } from '../storage/repositories';

/** Codes hashed per round: the hashes run side by side on libuv's pool, outside any unit. */
const ROUND = 64;

const settingOf = (merchantId: string) => `code-verifier-key:${merchantId}`;

/**
 * The merchant's verifier key (salt and cost), made on its first code. A changed cost in the
 * configuration gives the merchant a new key for its new codes; desks look up under each key they
 * hold, so older codes stay findable.
 */
export async function merchantKey(tx: Tx, config: ServiceConfig, merchantId: string): Promise<VerifierKey> {
  const stored = parseVerifierKey(await tx.settings.get(settingOf(merchantId)));
  const { N, r, p } = config.codeVerifierCost;
  if (stored && stored.N === N && stored.r === r && stored.p === p) return stored;
  const key: VerifierKey = { N, r, p, salt: randomBytes(16).toString('base64url') };
  await tx.settings.set(settingOf(merchantId), verifierKeyText(key));
  return key;
}

/**
 * Gives every code that lacks one its verifier, and puts it into the order's record (a new server
 * sequence, so desks pull it). A code is issued inside the unit that pays its order, where a 0.1 s
 * hash would hold the whole store; so it is issued without one and hashed here, between units.
 * One run at a time; `flush` waits for a run that covers everything issued before it was called.
 */
export class CodeVerifiers {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly deps: Pick<Deps, 'store' | 'clock' | 'config'>) {}

  /** Starts a run soon (after the unit that issued a code has committed). */
  kick(): void {
    setImmediate(() => void this.flush().catch(() => undefined));
  }

  async flush(): Promise<void> {
    if (this.running) {
      // The run under way may have read the missing codes before this caller's was issued.
      this.again = true;
      return this.running;
    }
    this.running = this.runAll().finally(() => (this.running = null));
    return this.running;
  }

  private async runAll(): Promise<void> {
    do {
      this.again = false;
      while ((await this.round()) === ROUND);
    } while (this.again);
  }

  private async round(): Promise<number> {
    const { store, config, clock } = this.deps;
    const codes = await store.unit((tx) => tx.codes.unverified(ROUND));
    if (codes.length === 0) return 0;
    const keys = new Map<string, VerifierKey>(
      await store.unit(async (tx) => {
        const found: Array<[string, VerifierKey]> = [];
        for (const merchantId of new Set(codes.map((c) => c.merchantId))) {
          found.push([merchantId, await merchantKey(tx, config, merchantId)]);
        }
        return found;
      }),
    );
    const verifiers = await Promise.all(codes.map((c) => codeVerifier(c.code, keys.get(c.merchantId)!)));
    await store.unit(async (tx) => {
      const ctx: WorkContext = { tx, now: clock.now(), config, ...SYSTEM_ACTOR };
      for (const [i, code] of codes.entries()) {
        await tx.codes.setVerifier(code.id, verifiers[i]!);
        const row = await tx.orders.get(code.orderNo);
        const state = row && stateOf(row);
        if (!state?.record.redemptionCode) continue;
        const redemptionCode = { ...state.record.redemptionCode, verifier: verifiers[i]! };
        await saveOrder(ctx, { ...state, record: { ...state.record, redemptionCode } }, row);
      }
    });
    return codes.length;
  }
}
