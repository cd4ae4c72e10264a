/**
 * What a carrier reports about a parcel. REJECTED is 拒收 (the receiver refused it at the door):
 * the parcel comes back like a RETURNED one, and the event says why.
 */
export const TRACKING_STATUSES = ['IN_TRANSIT', 'DELIVERED', 'RETURNED', 'REJECTED', 'EXCEPTION'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];
