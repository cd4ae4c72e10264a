import type { Fen } from './money';

/**
 * 审单 (domain.md "Review and exceptions"): rules an admin sets put a matching paid order on a
 * review hold (待审核) before the warehouse may ship it. Each rule is a row of a declarative table:
 * its reason code and what it looks at; the service evaluates them once, when the order is paid.
 */

export const REVIEW_REASONS = [
  'AMOUNT_AT_LEAST',
  'BUYER_REMARK',
  'ADDRESS_INCOMPLETE',
  'ADDRESS_RISK_WORDS',
  'FIRST_ORDER',
  'DEALER_ORDER',
  'PLATFORM_FLAGGED',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

export const REVIEW_STATUSES = ['PENDING', 'APPROVED', 'REJECTED'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** What an admin sets: which rules are on, their thresholds, and an optional auto-approve. */
export interface ReviewConfig {
  /** Payable at or above this (fen) is reviewed; null: off. */
  amountAtLeast: Fen | null;
  buyerRemark: boolean;
  addressIncomplete: boolean;
  /** Words that make an address suspicious (代收点, 快递柜, 自提…); empty: off. */
  riskWords: string[];
  firstOrder: boolean;
  dealerOrders: boolean;
  platformFlagged: boolean;
  /** Held orders nobody decided are approved after this many minutes; null: never. */
  autoApproveMinutes: number | null;
}

/** Nothing is held until an admin turns a rule on. */
export const NO_REVIEW: ReviewConfig = {
  amountAtLeast: null,
  buyerRemark: false,
  addressIncomplete: false,
  riskWords: [],
  firstOrder: false,
  dealerOrders: false,
  platformFlagged: false,
  autoApproveMinutes: null,
};

/** What the rules look at: the order as paid, and two facts only the service knows. */
export interface ReviewSubject {
  payable: Fen;
  remark: string;
  source: 'MALL' | 'DEALER' | 'EXTERNAL';
  kind: 'PHYSICAL' | 'VIRTUAL' | 'SERVICE';
  receiver: { province: string; city: string; district: string; address: string } | null;
  /** The buyer has no earlier paid order with the company. */
  firstOrder: boolean;
  /** The platform marked the order (风险订单, 疑似刷单…) when it came in. */
  platformFlagged: boolean;
}

const blank = (text: string | undefined): boolean => (text ?? '').trim() === '';

/** Each rule: its reason and whether it holds for the order under this configuration. */
export const REVIEW_RULES: ReadonlyArray<readonly [ReviewReason, (o: ReviewSubject, c: ReviewConfig) => boolean]> = [
  ['AMOUNT_AT_LEAST', (o, c) => c.amountAtLeast !== null && o.payable >= c.amountAtLeast],
  ['BUYER_REMARK', (o, c) => c.buyerRemark && !blank(o.remark)],
  [
    'ADDRESS_INCOMPLETE',
    (o, c) =>
      c.addressIncomplete &&
      o.kind === 'PHYSICAL' &&
      (o.receiver === null ||
        [o.receiver.province, o.receiver.city, o.receiver.district, o.receiver.address].some(blank)),
  ],
  [
    'ADDRESS_RISK_WORDS',
    (o, c) =>
      o.receiver !== null && c.riskWords.some((word) => !blank(word) && o.receiver!.address.includes(word.trim())),
  ],
  ['FIRST_ORDER', (o, c) => c.firstOrder && o.firstOrder],
  ['DEALER_ORDER', (o, c) => c.dealerOrders && o.source === 'DEALER'],
  ['PLATFORM_FLAGGED', (o, c) => c.platformFlagged && o.platformFlagged],
];

/** Why a paid order waits for review; empty when it may go straight to the warehouse. */
export function reviewReasons(order: ReviewSubject, config: ReviewConfig): ReviewReason[] {
  return REVIEW_RULES.filter(([, holds]) => holds(order, config)).map(([reason]) => reason);
}

/** When an undecided hold is approved by itself, if the configuration says so. */
export function autoApproveAt(heldAt: number, config: Pick<ReviewConfig, 'autoApproveMinutes'>): number | null {
  return config.autoApproveMinutes === null ? null : heldAt + config.autoApproveMinutes * 60_000;
}
