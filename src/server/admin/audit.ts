import type { Tx } from '../storage/repositories';

/** Who changes the company: an admin through the API ("admin:boss"), or the command line ("cli"). */
export interface AdminActor {
  actor: string;
  now: number;
}

/** Records a change to the company in the unit that makes it (migration 014). */
export const audit = (
  tx: Tx,
  who: AdminActor,
  action: string,
  target: string,
  detail: Record<string, unknown> = {},
): Promise<void> => tx.audit.insert({ at: who.now, actor: who.actor, action, target, detail });
