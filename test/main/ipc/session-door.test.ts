import { describe, expect, it } from 'vitest';
import { findDemoUser } from '../../../src/shared/demo/users';
import { createDispatcher, type Caller } from '../../../src/main/ipc/dispatcher';
import { sessionForDemoUser } from '../../../src/main/session/session';

/**
 * A door whose callers are a session alone (what main's thread knows of a call it answers
 * itself) refuses, validates and answers exactly as the backend threads' door does.
 */
describe('a door over the session alone', () => {
  const clerk: Caller = { session: sessionForDemoUser(findDemoUser('clerk1')!, 'desk-test') };
  let caller: Caller | null = null;
  const door = createDispatcher<Caller>(
    {
      'session.current': (ctx) => ctx?.session ?? null,
      'session.signOut': () => ({}),
      'admin.users': () => [],
    },
    () => caller,
  );

  it('answers a public question signed out or in, and refuses malformed input', async () => {
    caller = null;
    expect(await door('session.current', {})).toEqual({ ok: true, value: null });
    caller = clerk;
    expect(await door('session.current', undefined)).toEqual({ ok: true, value: clerk.session });
    expect(await door('session.current', { who: 'me' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('checks sign-in and the role’s rights before a handler runs', async () => {
    caller = null;
    expect(await door('session.signOut', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    caller = clerk;
    expect(await door('session.signOut', {})).toEqual({ ok: true, value: {} });
    expect(await door('admin.users', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_ROLE' } });
  });

  it('knows only its own procedures', async () => {
    caller = clerk;
    expect(await door('orders.list', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
  });
});
