import { expect, test, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { DESIGN_CHECKS } from './support/design-checks';
import { TOUR, type TourScreen } from './support/screen-tour';
import { signIn, startWebMode, type WebMode } from './support/web-mode';

/**
 * The screen tour: every screen of the desk (support/screen-tour.ts), in Simplified Chinese and
 * English, at 1366×768 (the laptops of the floor) and 1920×1080, as screenshots in
 * test-results/screens/, each held to the design checks (support/design-checks.ts).
 */
const SCREENS = 'test-results/screens';
const LOCALES = ['zh-CN', 'en'] as const;
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];

/** No animation still running, but those that never end (a spinner). Runs in the page, as source. */
const SETTLED = `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`;

let app: WebMode;
test.beforeAll(async () => {
  app = await startWebMode({ demoOrders: 600 });
  mkdirSync(SCREENS, { recursive: true });
});
test.afterAll(async () => {
  await app.stop();
});

async function useLocale(page: Page, locale: (typeof LOCALES)[number]): Promise<void> {
  await page.evaluate(`localStorage.setItem('order-desk-locale', '${locale}')`);
  await page.reload();
}

async function signOut(page: Page): Promise<void> {
  await page.goto(app.url);
  const out = page.getByRole('button', { name: /退出登录|Sign out/ });
  await page.locator('form.sign-in-card').or(out).first().waitFor();
  if (await out.isVisible()) await out.click();
  await page.locator('form.sign-in-card').waitFor();
}

/** The tour's screens grouped by who opens them, in table order. */
const byUser = new Map<TourScreen['user'], TourScreen[]>();
for (const screen of TOUR) byUser.set(screen.user, [...(byUser.get(screen.user) ?? []), screen]);

for (const [user, screens] of byUser) {
  test(`screen tour as ${user ?? 'nobody signed in'}: ${screens.map((s) => s.id).join(', ')}`, async ({ page }) => {
    test.setTimeout(60_000 + screens.length * 40_000);
    if (user) await signIn(page, app.url, user);
    else await signOut(page);
    const problems: string[] = [];
    for (const screen of screens) {
      for (const locale of LOCALES) {
        await page.setViewportSize(SIZES[0]!);
        await useLocale(page, locale);
        await screen.reach(page, { serviceUrl: app.serviceUrl, serviceDb: app.serviceDb });
        // A screen that asks the service first (reports, queues) may take seconds to be ready.
        await expect(screen.ready(page)).toBeVisible({ timeout: 15_000 });
        // The shell's Ant parts load beside the screen (islands): the picture waits for them too.
        if (user) {
          await expect(page.getByTestId('who')).toBeVisible();
          await expect(page.locator('[data-testid^="nav-"]').first()).toBeVisible();
        }
        for (const size of SIZES) {
          await page.setViewportSize(size);
          // Let layout settle after the resize (virtual rows, Ant's responsive observers), and a
          // drawer or a modal finish opening: a picture of one half slid in shows nothing.
          await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
          // Polled through evaluate: the desk's CSP forbids the eval that waitForFunction(string) uses.
          await expect.poll(() => page.evaluate(SETTLED)).toBe(true);
          await page.screenshot({ path: `${SCREENS}/${screen.id}-${locale}-${size.width}x${size.height}.png` });
        }
        for (const check of DESIGN_CHECKS) {
          if (check.locales && !check.locales.includes(locale)) continue;
          for (const found of await check.run(page)) problems.push(`${screen.id} (${locale}): ${check.name}: ${found}`);
        }
      }
    }
    await useLocale(page, 'zh-CN');
    expect(problems).toEqual([]);
  });
}
