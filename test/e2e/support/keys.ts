import type { Page } from '@playwright/test';

/**
 * Keys at a person's pace. Four or more keys closer together than a scanner's 80 ms gap are taken
 * for a scan (src/renderer/keyboard/scan-burst.ts), so a test that means a person must type like one.
 */
export async function pressLikeAPerson(page: Page, keys: string[]): Promise<void> {
  for (const key of keys) {
    await page.keyboard.press(key);
    await page.waitForTimeout(150);
  }
}
