import type { ParseArgsConfig } from 'node:util';
import { ROLES, type DataScope, type Role } from '../../shared/domain/vocabulary';
import { ApiError } from '../http/errors';
import { systemClock } from '../timers/clock';
import {
  addUser,
  disableUser,
  enableUser,
  listUsers,
  resetPassword,
  revokeSessions,
  type UserAdmin,
  type UserView,
} from '../users/manage';
import { CliError, listOption, parse, type CliIo, type Command } from './command';
import { DATA_OPTIONS, DATA_USAGE, storeFrom, type DataValues } from './data-options';
import { readPassword } from './password';

const USAGE = `Usage: npm run server -- users <action> ... [--data <dir>]

  users add <username> --role <role> [--name <display name>]
            [--warehouses A,B] [--stores A,B] [--dealer D] [--shops A,B]
                          creates an account; its password is read from standard input
  users list [--json]     every account with its role, scope and state
  users disable <username>          refuses the account from now on and ends its sessions
  users enable <username>           lets a disabled account sign in again
  users reset-password <username>   sets a new password (from standard input) and ends its sessions
  users revoke <username>           ends every session of the account (it signs in again)

  Roles: ${ROLES.join(', ')}.
  A warehouse account needs --warehouses, a clerk --stores, a dealer --dealer; admin and service
  see everything; an integration account posts orders for --shops (none given: every shop).
${DATA_USAGE}

  Example: printf '%s' "$PASSWORD" | npm run server -- users add boss --role admin --data D
  At a terminal the password is asked for (twice, not shown) instead.`;

export function scopeText(scope: DataScope): string {
  if (scope.all) return 'everything';
  const parts = [
    scope.warehouseIds.length ? `warehouses ${scope.warehouseIds.join(',')}` : '',
    scope.storeIds.length ? `stores ${scope.storeIds.join(',')}` : '',
    scope.dealerIds.length ? `dealer ${scope.dealerIds.join(',')}` : '',
    scope.shopIds?.length ? `shops ${scope.shopIds.join(',')}` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'nothing';
}

const stateOf = (u: UserView): string => (u.disabled ? 'disabled' : u.hasPassword ? 'active' : 'no password yet');

/** Columns in a terminal: a Chinese character takes two. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
const width = (text: string): number => [...text].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);

function table(users: UserView[]): string[] {
  const rows = [
    ['USERNAME', 'ROLE', 'NAME', 'SCOPE', 'STATE'],
    ...users.map((u) => [u.username, u.role, u.displayName, scopeText(u.scope), stateOf(u)]),
  ];
  const widths = rows[0]!.map((_c, i) => Math.max(...rows.map((r) => width(r[i]!))));
  return rows.map((r) =>
    r
      .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
      .join('  ')
      .trimEnd(),
  );
}

function roleOf(text: string | undefined): Role {
  if (text === undefined) throw new CliError('--role is required');
  if (!(ROLES as readonly string[]).includes(text)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`);
  return text as Role;
}

/** The username every action but list names. */
function oneUsername(positionals: string[], action: string): string {
  if (positionals.length !== 1) throw new CliError(`users ${action} takes one username`);
  return positionals[0]!;
}

type Values = Record<string, string | boolean | undefined>;

interface Action {
  options?: ParseArgsConfig['options'];
  run(values: Values, positionals: string[], admin: UserAdmin, io: CliIo): Promise<void>;
}

const ACTIONS: Record<string, Action> = {
  add: {
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      warehouses: { type: 'string' },
      stores: { type: 'string' },
      dealer: { type: 'string' },
      shops: { type: 'string' },
    },
    async run(values, positionals, admin, io) {
      const username = oneUsername(positionals, 'add');
      const text = (name: string) => values[name] as string | undefined;
      const role = roleOf(text('role'));
      const user = await addUser(admin, {
        username,
        role,
        displayName: text('name'),
        password: await readPassword(io),
        warehouseIds: listOption(text('warehouses')),
        storeIds: listOption(text('stores')),
        dealerIds: listOption(text('dealer')),
        shopIds: listOption(text('shops')),
      });
      io.out(`Added ${user.role} ${user.username} (${scopeText(user.scope)}); it can sign in now.`);
    },
  },
  list: {
    options: { json: { type: 'boolean', default: false } },
    async run(values, positionals, admin, io) {
      if (positionals.length > 0) throw new CliError('users list takes no username');
      const users = await listUsers(admin, { demo: false });
      if (values.json) io.out(JSON.stringify(users, null, 2));
      else if (users.length === 0) io.out('No accounts yet: npm run server -- users add <username> --role admin');
      else table(users).forEach((line) => io.out(line));
    },
  },
  disable: {
    async run(_values, positionals, admin, io) {
      const { user, sessionsEnded } = await disableUser(admin, oneUsername(positionals, 'disable'));
      io.out(`Disabled ${user.username}; ${sessionsEnded} session(s) ended.`);
    },
  },
  enable: {
    async run(_values, positionals, admin, io) {
      const { user } = await enableUser(admin, oneUsername(positionals, 'enable'));
      io.out(`Enabled ${user.username}.`);
    },
  },
  'reset-password': {
    async run(_values, positionals, admin, io) {
      const username = oneUsername(positionals, 'reset-password');
      const { user, sessionsEnded } = await resetPassword(admin, username, await readPassword(io));
      io.out(`New password set for ${user.username}; ${sessionsEnded} session(s) ended.`);
    },
  },
  revoke: {
    async run(_values, positionals, admin, io) {
      const { user, sessionsEnded } = await revokeSessions(admin, oneUsername(positionals, 'revoke'));
      io.out(`Ended ${sessionsEnded} session(s) of ${user.username}.`);
    },
  },
};

export const usersCommand: Command = {
  name: 'users',
  summary: 'add, list, disable, enable, reset-password or revoke accounts',
  usage: USAGE,
  async run(args, io) {
    const [name, ...rest] = args;
    const action = name === undefined ? undefined : ACTIONS[name];
    if (!action) throw new CliError(name ? `unknown action: users ${name}` : 'users needs an action');
    const { values, positionals } = parse({
      args: rest,
      options: { ...DATA_OPTIONS, ...action.options },
      allowPositionals: true,
    });
    const store = await storeFrom(values as DataValues);
    try {
      await action.run(values, positionals, { store, clock: systemClock, actor: 'cli' }, io);
    } catch (error) {
      // The service's own refusals (a taken username, a short password) are the user's to fix.
      if (error instanceof ApiError) throw new CliError(`${error.message} (${error.code})`);
      throw error;
    } finally {
      await store.close();
    }
  },
};
