import { expect, type Locator, type Page } from '@playwright/test';

/** Finds an order by its number in the list's search and opens its detail with a click, as a desk user does. */
export async function openFromList(page: Page, orderNo: string): Promise<void> {
  await page.getByRole('searchbox').fill(orderNo);
  await page.getByRole('button', { name: '搜索' }).click();
  // The search answers with exactly this order; clicking before that could hit a row that is being replaced.
  await expect(page.locator('.tbody .tr')).toHaveCount(1);
  const row = page.locator(`.tbody .tr[data-order-no="${orderNo}"]`);
  await expect(row).toBeVisible();
  await row.click();
  await expect(page.getByRole('dialog', { name: `订单详情 ${orderNo}` })).toBeVisible();
}

/** Rows of orders a person may ship: a flag (a lock, an open exception) or an after-sale in progress holds shipping. */
export const shippableRows = (page: Page): Locator =>
  page.locator('.tbody .tr[data-order-no]:not(:has([data-kind="flag"])):has([data-kind="refund"][data-value="NONE"])');

/** A scanner types a whole number in a few milliseconds and ends it with Enter. */
export async function scan(page: Page, label: string, code: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.keyboard.type(code, { delay: 3 });
  await page.keyboard.press('Enter');
}

/** A tracking number of SF's current format, different on every call. */
let serial = 0;
export const sfNumber = () => `SF${String(Date.now() + ++serial).padStart(13, '0')}`;
