import type { CarrierCode } from '../../../shared/domain/carriers';

/**
 * Our carrier codes → TOP company_code (taobao.logistics.companies.get), for
 * taobao.logistics.offline.send. Sources in docs/connectors.md ("Carriers").
 */
export const TOP_COMPANY_CODES: Record<CarrierCode, string> = {
  SF: 'SF',
  ZTO: 'ZTO',
  YTO: 'YTO',
  STO: 'STO',
  YUNDA: 'YUNDA',
  JD: 'JD',
  EMS: 'EMS',
  JT: 'JTSD',
  CHINA_POST: 'POST',
  OTHER: 'OTHER',
};
