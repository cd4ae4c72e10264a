import type { Page } from '@playwright/test';
import { latinTokens } from '../../support/latin-tokens';

/**
 * What every screen of the tour must satisfy, in every language or only some. Each check answers
 * the offending elements in words a reader can find (an empty list passes). Add a check here and
 * the tour runs it on every screen.
 */
export interface DesignCheck {
  name: string;
  /** Only in these languages; every language when absent. */
  locales?: Array<'zh-CN' | 'en'>;
  run(page: Page): Promise<string[]>;
}

/**
 * Native form controls left outside the design system: a `<select>`, a bare checkbox, a
 * `<fieldset>` with browser borders. Ant's own checkbox keeps a hidden native input inside its
 * styled box (class ant-checkbox-input), and the order table's cells keep native checkboxes
 * styled by the tokens (25 Ant checkboxes per scroll frame would cost the million-row list its
 * frame rate). Portals count: the whole document is searched, hidden or not.
 */
/** Runs in the page (the e2e project has no DOM types, so it travels as source). */
const NATIVE_CONTROLS = `[...document.querySelectorAll('select, input[type=checkbox], fieldset')]
  .filter((el) => !el.classList.contains('ant-checkbox-input'))
  .filter((el) => !el.closest('.order-table [role=cell], .order-table [role=columnheader]'))
  .map((el) => {
    const label = el.getAttribute('aria-label') ?? el.closest('label')?.textContent ?? '';
    const where = el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.parentElement?.className ?? '';
    const type = el.tagName === 'INPUT' ? ' type=' + el.type : '';
    return '<' + el.tagName.toLowerCase() + type + '> "' + label.trim().slice(0, 40) + '" in ' + where;
  })`;

export const nativeControls: DesignCheck = {
  name: 'no native select, checkbox or fieldset',
  run: (page) => page.evaluate(NATIVE_CONTROLS) as Promise<string[]>,
};

/**
 * zh-CN screens speak Chinese: visible text with an enum-like Latin token ([A-Z][A-Z_]{3,}:
 * WECHAT_PAY, PENDING_SHIPMENT, OWN_MALL) or a lower-case machine code (`word:word`:
 * integration:erp1, connector:taobao) shows a code that reached the screen untranslated. Order,
 * tracking, SKU and serial numbers are allowed (they carry digits: latinTokens), and so is what a
 * screen marks `translate="no"` on purpose: an identifier an admin configures (a shop's id, an
 * audit entry's raw detail). Each token is named with the text around it, so it can be found.
 */
export const latinCodes: DesignCheck = {
  name: 'no untranslated codes in Chinese text',
  locales: ['zh-CN'],
  async run(page) {
    const text = (await page.evaluate('document.body.innerText')) as string;
    const kept = (await page.evaluate(
      `[...document.querySelectorAll('[translate="no"]')].map((e) => e.innerText).join('\\n')`,
    )) as string;
    const allowed = new Set(latinTokens(kept));
    return latinTokens(text)
      .filter((token) => !allowed.has(token))
      .map((token) => {
        const at = text.indexOf(token);
        return `${token} in "${text.slice(Math.max(0, at - 20), at + token.length + 20).replace(/\s+/g, ' ')}"`;
      });
  },
};

export const DESIGN_CHECKS: DesignCheck[] = [nativeControls, latinCodes];
