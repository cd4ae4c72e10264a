import type { Locator, Page } from '@playwright/test';

/**
 * Ant Design's controls as a person uses them. An Ant Select is no native <select>: it opens a
 * popup list on a click, and an option is picked by clicking it in the popup.
 */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.click();
  const popup = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await popup.locator(`.ant-select-item-option[title="${option}"]`).click();
}

/** The header's language switch. */
export async function switchLanguage(page: Page, language: '简体中文' | 'English'): Promise<void> {
  await pickOption(page, page.getByTestId('language'), language);
}
