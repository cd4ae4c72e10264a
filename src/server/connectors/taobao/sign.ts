import { createHash, createHmac } from 'node:crypto';

/**
 * TOP request signing, as the official SDKs do it (bububa/opentaobao core/client.go `sign`, the
 * Java SDK's `TaobaoUtils.signTopRequest`): every parameter except `sign` (and uploaded files),
 * sorted by name in byte order, concatenated as name+value with empty values left out;
 *   md5:          MD5(secret + concatenation + secret)
 *   hmac:         HMAC-MD5 keyed with the secret over the concatenation (no wrapping)
 *   hmac-sha256:  HMAC-SHA256 keyed with the secret over the concatenation
 * The digest goes out as upper-case hex.
 */
export const TOP_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

export function isTopSignMethod(value: string): value is TopSignMethod {
  return (TOP_SIGN_METHODS as readonly string[]).includes(value);
}

export function topSignBase(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .filter((name) => name !== 'sign' && params[name] !== '')
    .sort()
    .map((name) => name + params[name])
    .join('');
}

export function signTop(params: Readonly<Record<string, string>>, secret: string, method: TopSignMethod): string {
  const base = topSignBase(params);
  const digest =
    method === 'md5'
      ? createHash('md5').update(secret + base + secret, 'utf8')
      : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(base, 'utf8');
  return digest.digest('hex').toUpperCase();
}
