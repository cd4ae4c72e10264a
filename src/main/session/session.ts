import type { DataScope, Role } from '../../shared/domain/vocabulary';
import type { DemoUser } from '../../shared/demo/users';

/** Who is calling: every procedure runs on behalf of one session, its role and its data scope. */
export interface Session {
  userId: string;
  displayName: string;
  role: Role;
  scope: DataScope;
  deviceId: string;
  demo: boolean;
}

export const sessionForDemoUser = (user: DemoUser, deviceId: string): Session => ({
  userId: user.username,
  displayName: user.displayName,
  role: user.role,
  scope: user.scope,
  deviceId,
  demo: true,
});
