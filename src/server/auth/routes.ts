import { z } from 'zod';
import { dataScope } from '../../shared/contract/scope';
import { ROLES } from '../../shared/domain/vocabulary';
import type { Deps } from '../deps';
import { route, type AnyRoute } from '../http/route';
import { registerDevice } from './devices';
import { login } from './login';
import { logout } from './logout';

export const authRoutes = (deps: Deps): AnyRoute[] => [
  route({
    method: 'POST',
    path: '/v1/auth/login',
    tag: 'auth',
    summary: 'Sign in; answers a bearer token',
    description:
      'Failed attempts are limited per username and per client address (429 RATE_LIMITED with Retry-After). Demo users sign in only while the service runs in demo mode.',
    access: 'public',
    body: z.strictObject({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
    response: z.strictObject({
      token: z.string(),
      expiresAt: z.number().int(),
      user: z.strictObject({
        id: z.string(),
        username: z.string(),
        displayName: z.string(),
        role: z.enum(ROLES),
        scope: dataScope,
      }),
    }),
    errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED'],
    handle: ({ body, request }) => login(deps, body.username, body.password, request.ip),
  }),
  route({
    method: 'POST',
    path: '/v1/auth/logout',
    tag: 'auth',
    summary: 'Sign out: the bearer token stops working at once',
    description:
      'Revokes only the token that calls it; the user’s other sessions go on. Several nodes: the others refuse it within 10 s.',
    access: 'signed-in',
    // A sign-out carries nothing: `{}` or no body at all (curl -X POST, a proxy's health script).
    body: z.strictObject({}).optional(),
    response: z.strictObject({}),
    errors: [],
    handle: ({ request }) => logout(deps, request.headers.authorization),
  }),
  route({
    method: 'POST',
    path: '/v1/devices/register',
    tag: 'auth',
    summary: 'Registers a device; answers its 4-digit code for offline order numbers',
    description: 'Idempotent per deviceId: a device registered again gets the same code.',
    access: 'signed-in',
    body: z.strictObject({ deviceId: z.uuid() }),
    response: z.strictObject({ deviceCode: z.number().int().min(1).max(9999) }),
    errors: ['DEVICE_CODES_EXHAUSTED'],
    handle: ({ caller, body }) => registerDevice(deps, caller, body.deviceId),
  }),
];
