import { expect, test } from '@playwright/test';
import { divisionTree } from '../../src/shared/regions/divisions';
import { pickCascader, pickOptions } from './support/ant';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 200 });
});
test.afterAll(async () => {
  await app.stop();
});

/** All 34 provincial divisions, each with its first city and that city's first district. */
const PLACES = divisionTree().map((p) => [p.name, p.children[0]!.name, p.children[0]!.children[0]!.name]);

test('the dealer form offers every provincial division, down to a district of each', async ({ page }) => {
  expect(PLACES).toHaveLength(34);
  await signIn(page, app.url, 'dealer1');
  await expect(page.getByTestId('dealer-screen')).toBeVisible();
  for (const path of PLACES) {
    await pickCascader(page, page.getByTestId('receiver-region'), path);
    await expect(page.getByTestId('receiver-region')).toContainText(path.join(' / '));
  }
  // Search by a district's name finds its province and city.
  await page.getByTestId('receiver-region').click();
  await page.keyboard.type('南山区');
  await expect(page.locator('.ant-cascader-menu-item', { hasText: '广东省 / 深圳市 / 南山区' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/address-picker.png` });
  await page.keyboard.press('Escape');
});

test('the list’s province filter offers every provincial division', async ({ page }) => {
  await signIn(page, app.url, 'admin');
  await page.getByTestId('nav-orders').click();
  await page.getByTestId('filters-toggle').click();
  const field = page.getByTestId('filter-provinces');
  await pickOptions(
    page,
    field,
    PLACES.map(([province]) => province!),
  );
  await page.getByTestId('filters-apply').click();
  // The applied filter names every one of them.
  const chip = page.locator('.filter-chips .chip').filter({ hasText: PLACES[0]![0]! });
  for (const [province] of PLACES) await expect(chip).toContainText(province!);
  await page.screenshot({ path: `${SCREENS}/province-filter.png` });
});
