import type { DataScope, Role } from '../../shared/domain/vocabulary';

/** Who is calling, as the token says: every right and scope check reads this. */
export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  scope: DataScope;
}

/** How the caller appears in an order's timeline: role and name, like "warehouse:warehouse1". */
export const actorLabel = (caller: Caller): string => `${caller.role}:${caller.username}`;
