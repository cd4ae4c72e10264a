/** The order columns free text searches, in the FTS table's column order (migration 005). */
export const SEARCH_COLUMNS = ['order_no', 'receiver_name', 'receiver_phone', 'tracking_nos'] as const;
