import { createHash } from 'node:crypto';

/**
 * 拼多多 open-platform signing, as the official PHP SDK's PopHttpClient::makeSign does it: every
 * parameter except `sign` with a non-empty value, sorted by name (ksort), concatenated as
 * name+value, wrapped in the client_secret on both ends, MD5, upper-case hex. Object and list
 * parameters travel (and are signed) as their JSON text.
 */
export function pddSignBase(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'sign' && params[name] !== '')
    .sort()
    .map((name) => name + params[name])
    .join('');
}

export function signPdd(params: Readonly<Record<string, string>>, clientSecret: string): string {
  return createHash('md5')
    .update(clientSecret + pddSignBase(params) + clientSecret, 'utf8')
    .digest('hex')
    .toUpperCase();
}
