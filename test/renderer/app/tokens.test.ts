import { theme } from 'antd';
import { describe, expect, it } from 'vitest';
import { ROW_HEIGHTS } from '../../../src/renderer/app/design/rows';
import { themeFor, tokenVariables } from '../../../src/renderer/app/design/theme';
import { TOKENS } from '../../../src/renderer/app/design/tokens';

/**
 * The tokens the order list and the other hand-built parts read (tokens.ts) are written down, so
 * they apply from the first frame without loading Ant Design. They must be exactly what theme.ts
 * works out; when the theme changes, put what this test expects into tokens.ts.
 */
describe('the hand-built parts’ tokens', () => {
  for (const density of ['comfortable', 'compact'] as const) {
    it(`are the theme's, in the ${density} density`, () => {
      const computed = tokenVariables(theme.getDesignToken(themeFor(density)), ROW_HEIGHTS[density]);
      expect(TOKENS[density]).toEqual(computed);
    });
  }
});
