import type { SessionInfo } from '../../shared/contract/api';
import type { DemoUser } from '../../shared/demo/users';

/** Who is calling: every procedure runs on behalf of one session, its role and its data scope. */
export type Session = SessionInfo;

export const sessionForDemoUser = (user: DemoUser, deviceId: string): Session => ({
  userId: user.username,
  username: user.username,
  displayName: user.displayName,
  role: user.role,
  scope: user.scope,
  deviceId,
  demo: true,
  offline: false,
});
