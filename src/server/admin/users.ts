import type { NewUserInput, UserEditInput } from '../../shared/contract/admin';
import { actorLabel, type Caller } from '../auth/caller';
import type { Deps } from '../deps';
import {
  addUser,
  disableUser,
  editUser,
  enableUser,
  listUsers,
  resetPassword,
  revokeSessions,
  type UserAdmin,
} from '../users/manage';

/** The admin API's way into users/manage: the caller is the audited actor, sessions end at once. */
const adminOf = (deps: Deps, caller: Caller): UserAdmin => ({
  store: deps.store,
  clock: deps.clock,
  actor: actorLabel(caller),
  sessions: deps.sessions,
});

export const userAdmin = (deps: Deps) => ({
  list: () => listUsers({ store: deps.store, clock: deps.clock, actor: '' }, { demo: deps.config.demo }),
  add: (caller: Caller, input: NewUserInput) => addUser(adminOf(deps, caller), input),
  edit: async (caller: Caller, username: string, input: UserEditInput) =>
    (await editUser(adminOf(deps, caller), username, input)).user,
  disable: async (caller: Caller, username: string) => (await disableUser(adminOf(deps, caller), username)).user,
  enable: async (caller: Caller, username: string) => (await enableUser(adminOf(deps, caller), username)).user,
  resetPassword: async (caller: Caller, username: string, password: string) =>
    (await resetPassword(adminOf(deps, caller), username, password)).user,
  revoke: async (caller: Caller, username: string) => revokeSessions(adminOf(deps, caller), username),
});
