import { expect, test, type Page } from '@playwright/test';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';
let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 600 });
});
test.afterAll(async () => {
  await app.stop();
});

interface Box {
  offsetWidth: number;
  clientWidth: number;
  scrollWidth: number;
}

/** Where the list's scroller and the filters panel end, against the window. */
async function measure(page: Page) {
  const size = page.viewportSize()!;
  const scroller = page.getByTestId('order-scroll');
  const box = (await scroller.boundingBox())!;
  const bars = await scroller.evaluate((el: Box) => ({
    // A vertical scrollbar takes room between the border box and the client box.
    verticalBar: el.offsetWidth - el.clientWidth,
    scrollsSideways: el.scrollWidth > el.clientWidth,
  }));
  const panel = page.locator('.filters-panel');
  const panelBox = (await panel.count()) ? await panel.boundingBox() : null;
  return {
    window: size.width,
    windowHeight: size.height,
    page: await page.locator('html').evaluate((el: Box) => el.scrollWidth),
    scrollerRight: Math.round(box.x + box.width),
    scrollerBottom: Math.round(box.y + box.height),
    ...bars,
    panelRight: panelBox ? Math.round(panelBox.x + panelBox.width) : null,
  };
}

for (const [width, height] of [
  [1440, 900],
  [1280, 800],
]) {
  test(`at ${width}×${height} the list and its filters fit the window; the table scrolls sideways inside it`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: width!, height: height! });
    await signIn(page, app.url, 'admin');
    await page.getByRole('button', { name: '展开筛选' }).click();
    await expect(page.getByRole('form', { name: '筛选条件' })).toBeVisible();
    const shown = await measure(page);
    expect(shown.page).toBeLessThanOrEqual(shown.window);
    expect(shown.scrollerRight).toBeLessThanOrEqual(shown.window);
    expect(shown.scrollerBottom).toBeLessThanOrEqual(shown.windowHeight);
    expect(shown.verticalBar).toBeGreaterThan(0);
    expect(shown.panelRight).toBeLessThanOrEqual(shown.window);
    await page.screenshot({ path: `${SCREENS}/order-list-filters-${width}x${height}.png` });

    // The default columns are wider than the window: the table scrolls sideways within its own box.
    await page.getByRole('button', { name: '收起筛选' }).click();
    const wide = await measure(page);
    expect(wide.scrollsSideways).toBe(true);
    expect(wide.scrollerRight).toBeLessThanOrEqual(wide.window);
    expect(wide.page).toBeLessThanOrEqual(wide.window);
    await page.screenshot({ path: `${SCREENS}/order-list-${width}x${height}.png` });
  });
}

/** Rows wholly inside the list's scroller: what a person reads without scrolling. */
async function rowsInView(page: Page): Promise<number> {
  const box = (await page.getByTestId('order-scroll').boundingBox())!;
  const rows = await page.locator('.tbody .tr[data-order-no]').evaluateAll((els) =>
    els.map((el) => {
      const r = (el as unknown as { getBoundingClientRect(): { top: number; bottom: number } }).getBoundingClientRect();
      return { top: r.top, bottom: r.bottom };
    }),
  );
  return rows.filter((r) => r.top >= box.y && r.bottom <= box.y + box.height + 0.5).length;
}

test('the compact density shows at least 22 rows at 1366×768; comfortable stays roomier', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, app.url, 'warehouse1');
  await page.getByTestId('density').getByText('舒适').click();
  const comfortable = await rowsInView(page);
  await page.getByTestId('density').getByText('紧凑').click();
  await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(22);
  expect(await rowsInView(page)).toBeGreaterThan(comfortable);
  await page.screenshot({ path: `${SCREENS}/order-list-compact-1366x768.png` });
  // The choice is the device's: it outlives a reload; later tests start comfortable.
  await page.reload();
  await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(22);
  await page.getByTestId('density').getByText('舒适').click();
});
