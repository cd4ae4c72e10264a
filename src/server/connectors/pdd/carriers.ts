import type { CarrierCode } from '../../../shared/domain/carriers';

/**
 * Our carrier codes → 拼多多 logistics_id (pdd.logistics.companies.get), for
 * pdd.logistics.online.send and extra waybills. Sources in docs/connectors.md ("Carriers").
 */
export const PDD_LOGISTICS_IDS: Record<CarrierCode, number> = {
  SF: 44,
  ZTO: 115,
  YTO: 85,
  STO: 1,
  YUNDA: 121,
  JD: 120,
  EMS: 118,
  JT: 384,
  CHINA_POST: 132,
  OTHER: 180,
};
