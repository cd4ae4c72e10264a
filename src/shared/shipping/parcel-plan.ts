import type { ParcelInput } from '../contract/sync';
import { checkTrackingNo, type TrackingRefusal } from '../domain/carriers';
import { remainingToShip, type OrderLineFacts } from '../domain/order-facts';

/**
 * A shipment being packed: which units of which lines go into which parcel. The order machine has
 * the last word when it is submitted; this only lets the form point at the problem while packing.
 */
export interface PlannedParcel {
  carrier: string;
  trackingNo: string;
  /** Units per line number; 0 or absent means the line is not in this parcel. */
  quantities: Record<number, number>;
}

export type PlanProblem =
  | { code: 'EMPTY_PARCEL' | 'DUPLICATE_TRACKING' | TrackingRefusal; parcel: number }
  | { code: 'QUANTITY_EXCEEDS_REMAINING'; lineNo: number };

const unitsOf = (parcel: PlannedParcel) => Object.values(parcel.quantities).reduce((n, q) => n + q, 0);

export function plannedUnits(parcels: readonly PlannedParcel[], lineNo: number): number {
  return parcels.reduce((n, p) => n + (p.quantities[lineNo] ?? 0), 0);
}

/** A first parcel holding everything still owed, which is what most orders ship as. */
export function wholeOrderParcel(lines: readonly OrderLineFacts[], carrier: string): PlannedParcel {
  return {
    carrier,
    trackingNo: '',
    quantities: Object.fromEntries(
      lines.filter((l) => remainingToShip(l) > 0).map((l) => [l.lineNo, remainingToShip(l)]),
    ),
  };
}

export function planProblems(lines: readonly OrderLineFacts[], parcels: readonly PlannedParcel[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const seen = new Set<string>();
  parcels.forEach((parcel, i) => {
    if (unitsOf(parcel) === 0) problems.push({ code: 'EMPTY_PARCEL', parcel: i });
    const check = checkTrackingNo(parcel.carrier, parcel.trackingNo);
    if (!check.ok) problems.push({ code: check.code, parcel: i });
    else if (seen.has(check.normalized)) problems.push({ code: 'DUPLICATE_TRACKING', parcel: i });
    else seen.add(check.normalized);
  });
  for (const line of lines) {
    if (plannedUnits(parcels, line.lineNo) > remainingToShip(line)) {
      problems.push({ code: 'QUANTITY_EXCEEDS_REMAINING', lineNo: line.lineNo });
    }
  }
  return problems;
}

/** Whether the plan leaves nothing owed, i.e. the order moves on to 待收货. */
export function shipsEverything(lines: readonly OrderLineFacts[], parcels: readonly PlannedParcel[]): boolean {
  return lines.every((line) => plannedUnits(parcels, line.lineNo) >= remainingToShip(line));
}

/** The SHIP intent's parcels: lines with units only. */
export function toParcelInputs(parcels: readonly PlannedParcel[]): ParcelInput[] {
  return parcels.map((p) => ({
    carrier: p.carrier,
    trackingNo: p.trackingNo,
    lines: Object.entries(p.quantities)
      .filter(([, quantity]) => quantity > 0)
      .map(([lineNo, quantity]) => ({ lineNo: Number(lineNo), quantity })),
  }));
}
