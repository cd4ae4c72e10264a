import { carrierByCode } from '../../../shared/domain/carriers';
import type { Locale } from '../../i18n';

/** Carrier names come with the carrier table in both languages; an unknown code shows as itself. */
export function carrierName(code: string, locale: Locale): string {
  const carrier = carrierByCode(code);
  if (!carrier) return code;
  return locale === 'en' ? carrier.nameEn : carrier.nameZh;
}
