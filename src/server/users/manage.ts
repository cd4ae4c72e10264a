import { randomUUID } from 'node:crypto';
import { ROLE_SCOPE_RULES, scopeForRole, type ScopeChoice } from '../../shared/domain/user-scope';
import type { DataScope, Role } from '../../shared/domain/vocabulary';
import { hashPassword } from '../auth/passwords';
import type { SessionCache } from '../auth/sessions';
import { audit } from '../admin/audit';
import { ApiError } from '../http/errors';
import type { Store, Tx, UserRow } from '../storage/repositories';
import type { Clock } from '../timers/clock';

/**
 * Accounts, as the `users` command and the admin API manage them. Each change is one unit; a
 * change that ends access (disable, new password, revoke) ends the user's sessions in that unit
 * and forgets them in this process at once.
 */
export interface UserAdmin {
  store: Store;
  clock: Clock;
  /** Who makes the change, for the audit log: "admin:boss", "cli". */
  actor: string;
  /** The running service's session cache, when the change is made inside it. */
  sessions?: SessionCache;
}

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;
const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/;

/** A user as lists show it: never the password hash. */
export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: DataScope;
  disabled: boolean;
  demoOnly: boolean;
  /** false for an account set up from a company file that has not been given a password yet. */
  hasPassword: boolean;
}

export const viewOf = ({ passwordHash, ...user }: UserRow): UserView => ({ ...user, hasPassword: passwordHash !== '' });

function checkPassword(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new ApiError('PASSWORD_TOO_SHORT', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    throw new ApiError('VALIDATION_FAILED', `A password has at most ${MAX_PASSWORD_LENGTH} characters`);
}

/** The role's scope from the places chosen, each of which must exist. */
async function scopeOf(tx: Tx, role: Role, choice: ScopeChoice): Promise<DataScope> {
  const decided = scopeForRole(role, choice);
  if (!decided.ok) {
    const what = { warehouseIds: 'warehouses', storeIds: 'stores', dealerIds: 'a dealer', shopIds: 'shops' }[
      decided.list
    ];
    throw new ApiError(
      decided.code,
      decided.code === 'SCOPE_REQUIRED' ? `A ${role} account needs ${what}` : `A ${role} account has no ${what}`,
    );
  }
  const { scope } = decided;
  const exists: Array<[string[], (id: string) => Promise<unknown>, string]> = [
    [scope.warehouseIds, (id) => tx.places.warehouse(id), 'warehouse'],
    [scope.storeIds, (id) => tx.places.store(id), 'store'],
    [scope.dealerIds, (id) => tx.places.dealer(id), 'dealer'],
    [scope.shopIds ?? [], (id) => tx.shops.get(id), 'shop'],
  ];
  for (const [ids, find, kind] of exists) {
    for (const id of ids) if (!(await find(id))) throw new ApiError('UNKNOWN_PLACE', `No ${kind} ${id}`);
  }
  return scope;
}

async function requireUser(tx: Tx, username: string): Promise<UserRow> {
  const user = await tx.users.byUsername(username);
  if (!user || user.demoOnly) throw new ApiError('USER_NOT_FOUND', `No user ${username}`);
  return user;
}

export interface NewUser extends ScopeChoice {
  username: string;
  displayName?: string;
  role: Role;
  /** Absent: the account exists but cannot sign in until a password is set (company set-up). */
  password?: string;
}

export async function addUser(admin: UserAdmin, input: NewUser): Promise<UserView> {
  if (!USERNAME.test(input.username))
    throw new ApiError('USERNAME_FORMAT', 'A username is 2–64 letters, digits, dots, dashes or underscores');
  if (input.password !== undefined) checkPassword(input.password);
  const passwordHash = input.password === undefined ? '' : await hashPassword(input.password);
  return admin.store.unit(async (tx) => {
    if (await tx.users.byUsername(input.username))
      throw new ApiError('USERNAME_TAKEN', `The username ${input.username} is taken`);
    const created = await createUser(tx, admin.clock.now(), { ...input, passwordHash });
    const view = viewOf(created);
    await audit(tx, { actor: admin.actor, now: admin.clock.now() }, 'user.add', `user:${view.username}`, {
      role: view.role,
      scope: view.scope,
    });
    return view;
  });
}

async function createUser(
  tx: Tx,
  now: number,
  input: Omit<NewUser, 'password'> & { passwordHash: string },
): Promise<UserRow> {
  if (!USERNAME.test(input.username))
    throw new ApiError('USERNAME_FORMAT', 'A username is 2–64 letters, digits, dots, dashes or underscores');
  const user: UserRow = {
    id: `U-${randomUUID()}`,
    username: input.username,
    displayName: input.displayName?.trim() || input.username,
    role: input.role,
    scope: await scopeOf(tx, input.role, input),
    passwordHash: input.passwordHash,
    demoOnly: false,
    disabled: false,
  };
  await tx.users.insert(user, now);
  return user;
}

/**
 * Company set-up's way, inside its unit: a user the file names is created when missing (without a
 * password unless one is given, so it cannot sign in yet) and kept as it is when it exists.
 */
export async function addUserIn(
  tx: Tx,
  now: number,
  input: Omit<NewUser, 'password'> & { passwordHash: string },
): Promise<'created' | 'kept'> {
  if (await tx.users.byUsername(input.username)) return 'kept';
  await createUser(tx, now, input);
  return 'created';
}

/** Real accounts (demo accounts only while the service runs in demo mode). */
export async function listUsers(admin: UserAdmin, options: { demo: boolean }): Promise<UserView[]> {
  const users = await admin.store.unit((tx) => tx.users.list());
  return users.filter((u) => options.demo || !u.demoOnly).map(viewOf);
}

/** One unit that changes a user; `endsSessions` signs them out everywhere in the same unit. */
async function change(
  admin: UserAdmin,
  username: string,
  action: string,
  edit: (user: UserRow, tx: Tx) => Promise<UserRow>,
  endsSessions: boolean,
): Promise<{ user: UserView; sessionsEnded: number }> {
  const result = await admin.store.unit(async (tx) => {
    const before = await requireUser(tx, username);
    const user = await edit(before, tx);
    await tx.users.update(user, admin.clock.now());
    const sessionsEnded = endsSessions ? await tx.tokens.revokeUser(user.id) : 0;
    const changed = (['displayName', 'role', 'scope', 'disabled'] as const).filter(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(user[field]),
    );
    await audit(tx, { actor: admin.actor, now: admin.clock.now() }, action, `user:${user.username}`, {
      ...Object.fromEntries(changed.map((field) => [field, user[field]])),
      ...(endsSessions ? { sessionsEnded } : {}),
    });
    return { user: viewOf(user), sessionsEnded };
  });
  if (endsSessions) admin.sessions?.forgetUser(result.user.id);
  return result;
}

/** The last admin who can sign in cannot be locked out: nobody could set the company up any more. */
async function keepAnAdmin(tx: Tx, user: UserRow, next: Pick<UserRow, 'role' | 'disabled'>): Promise<void> {
  const losesAdmin = user.role === 'admin' && !user.disabled && (next.disabled || next.role !== 'admin');
  if (losesAdmin && (await tx.users.countActive('admin')) <= 1)
    throw new ApiError('LAST_ADMIN', `${user.username} is the last admin who can sign in`);
}

export const disableUser = (admin: UserAdmin, username: string) =>
  change(
    admin,
    username,
    'user.disable',
    async (user, tx) => {
      await keepAnAdmin(tx, user, { role: user.role, disabled: true });
      return { ...user, disabled: true };
    },
    true,
  );

export const enableUser = (admin: UserAdmin, username: string) =>
  change(admin, username, 'user.enable', async (user) => ({ ...user, disabled: false }), false);

/** A new password signs the user out everywhere: whoever knew the old one is out too. */
export async function resetPassword(admin: UserAdmin, username: string, password: string) {
  checkPassword(password);
  const passwordHash = await hashPassword(password);
  return change(admin, username, 'user.resetPassword', async (user) => ({ ...user, passwordHash }), true);
}

export const revokeSessions = (admin: UserAdmin, username: string) =>
  change(admin, username, 'user.revoke', async (user) => user, true);

export interface UserEdit extends ScopeChoice {
  displayName?: string;
  role?: Role;
}

const SCOPE_LISTS = ['warehouseIds', 'storeIds', 'dealerIds', 'shopIds'] as const;

/** The lists an edit names, and for the others the user's current ones that the (new) role may hold. */
const keptChoice = (scope: DataScope, role: Role, edit: ScopeChoice): ScopeChoice =>
  Object.fromEntries(
    SCOPE_LISTS.map((list) => [
      list,
      edit[list] ?? (ROLE_SCOPE_RULES[role].allows.includes(list) ? (scope[list] ?? []) : []),
    ]),
  );

/** New name, role or places (a list not given stays as it was); a new role or scope signs the user out so no session keeps the old one. */
export const editUser = (admin: UserAdmin, username: string, edit: UserEdit) =>
  change(
    admin,
    username,
    'user.edit',
    async (user, tx) => {
      const role = edit.role ?? user.role;
      await keepAnAdmin(tx, user, { role, disabled: user.disabled });
      return {
        ...user,
        displayName: edit.displayName?.trim() || user.displayName,
        role,
        scope: await scopeOf(tx, role, keptChoice(user.scope, role, edit)),
      };
    },
    true,
  );
