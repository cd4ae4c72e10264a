import type { ServiceConfig } from '../config';
import type { Tx } from '../storage/repositories';

/** A change in progress: inside which unit, at what (server) time, by whom, from which device. */
export interface WorkContext {
  tx: Tx;
  now: number;
  config: ServiceConfig;
  /** As the timeline shows it: "warehouse:warehouse1", "system". */
  actor: string;
  /** As the timeline shows it: "DEV-0042", "server". */
  device: string;
  /**
   * 'shop': the change came from the order's own source (a later version, a buyer's event on the
   * platform), so it is not written back to it (outbound/enqueue.ts writeBack).
   */
  origin?: 'shop';
  /** Told when a code was issued in this unit, so its verifier is computed right after (redemption/verifier.ts). */
  codeIssued?: () => void;
}

/** The timers and other automatic changes act as the service itself. */
export const SYSTEM_ACTOR = { actor: 'system', device: 'server' } as const;
