import { seal, unseal } from './secrets';

/** What of a shop's credentials is secret: sealed together, never returned by any API. */
export interface ShopSecrets {
  appSecret: string;
  session: string;
}

export const sealSecrets = (key: Buffer, secrets: ShopSecrets): string => seal(key, JSON.stringify(secrets));

export function openSecrets(key: Buffer, sealed: string): ShopSecrets | null {
  const text = unseal(key, sealed);
  if (text === null) return null;
  const value = JSON.parse(text) as Partial<ShopSecrets>;
  return typeof value.appSecret === 'string' && typeof value.session === 'string'
    ? { appSecret: value.appSecret, session: value.session }
    : null;
}
