import type { Migration } from './migration';

/**
 * Codes leave the order records: a record (what pulls, order reads and push answers carry) holds
 * only the code's verifier, which the service computes outside any unit (redemption/verifier.ts)
 * and keeps here too, so it knows which codes still need one. Every stored record loses its code
 * now; the verifiers of existing codes are computed once the service runs.
 */
export const migration018CodeVerifiers: Migration = {
  version: 18,
  name: '018_code_verifiers',
  up(db) {
    db.exec(`
      ALTER TABLE redemption_codes ADD COLUMN verifier TEXT;
      CREATE INDEX redemption_codes_unverified ON redemption_codes (id) WHERE verifier IS NULL;
      UPDATE orders
        SET record = json_set(json_remove(record, '$.redemptionCode.code'), '$.redemptionCode.verifier', json('null'))
        WHERE json_type(record, '$.redemptionCode') = 'object';
    `);
  },
  postgres: `
      ALTER TABLE redemption_codes ADD COLUMN verifier text;
      CREATE INDEX redemption_codes_unverified ON redemption_codes (id) WHERE verifier IS NULL;
      UPDATE orders
        SET record = jsonb_set(record #- '{redemptionCode,code}', '{redemptionCode,verifier}', 'null'::jsonb)
        WHERE jsonb_typeof(record -> 'redemptionCode') = 'object';
    `,
};
