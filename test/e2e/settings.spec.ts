import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

const SCREENS = 'test-results/screens';

let app: WebMode;

test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 100 });
});
test.afterAll(async () => {
  await app?.stop();
});

test.describe('设置', () => {
  test('an admin points the desk at the company’s service: plain http elsewhere is refused, https applies at the next start', async ({
    page,
  }) => {
    await signIn(page, app.url, 'admin');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
    await expect(page.getByTestId('settings-running-service')).toHaveText(`${app.serviceUrl}/`);
    await expect(page.getByTestId('settings-screen')).toContainText('内置演示公司');

    await page.getByTestId('settings-service-url').fill('http://192.168.1.20:4610');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-error')).toContainText('订单服务必须使用 https 地址');
    await expect(page.getByTestId('settings-restart-needed')).toHaveCount(0);

    await page.getByTestId('settings-service-url').fill('https://orders.example.com');
    await page.getByTestId('settings-update-url').fill('http://updates.example.com/');
    await page.getByTestId('settings-save').click();
    await expect(page.getByTestId('settings-error')).toContainText('更新地址必须使用 https');

    await page.getByTestId('settings-update-url').fill('https://updates.example.com/order-desk/');
    await page.getByTestId('settings-save').click();
    const pending = page.getByTestId('settings-restart-needed');
    await expect(pending).toContainText('重启后生效');
    // Browser mode cannot restart itself: it says how instead of offering a button.
    await expect(pending).toContainText('npm run web');
    await expect(page.getByTestId('settings-error')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENS}/settings-saved.png` });

    // Still on the demo company until the restart; the saved address is what the form shows.
    await page.reload();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-service-url')).toHaveValue('https://orders.example.com/');
    await expect(page.getByTestId('settings-running-service')).toHaveText(`${app.serviceUrl}/`);
  });

  test('anyone exports diagnostics for support: a zip of logs, versions and sync state; only an admin edits the connection', async ({
    page,
  }) => {
    await signIn(page, app.url, 'clerk1');
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-service-url')).toBeDisabled();
    await expect(page.getByTestId('settings-screen')).toContainText('仅管理员可以修改连接设置');

    await page.getByTestId('diagnostics-export').click();
    await expect(page.getByTestId('diagnostics-done')).toContainText('已导出：diagnostics-');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('diagnostics-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^diagnostics-\d{8}T\d{6}\.zip$/);
    const entries = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['versions.json', 'sync.json', 'crashes.json']));
    const sync = JSON.parse(strFromU8(entries['sync.json']!)) as Record<string, unknown>;
    expect(sync).toMatchObject({ orders: expect.any(Number), hasCursor: true });
    await page.screenshot({ path: `${SCREENS}/settings-diagnostics.png` });
  });
});
