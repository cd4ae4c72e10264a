import type { Locator, Page } from '@playwright/test';

/**
 * Ant Design's controls as a person uses them. An Ant Select is no native <select>: it opens a
 * popup list on a click, and an option is picked by clicking it in the popup.
 */
const openPopup = (page: Page) => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

/** Picks one option of a single Select (`select` is the Select or the form field around it). */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  await selectBox(select).click();
  await openPopup(page).locator(`.ant-select-item-option[title="${option}"]`).click();
}

/** Ticks options of a multiple Select, typing each to find it, then closes the popup. */
export async function pickOptions(page: Page, select: Locator, options: string[]): Promise<void> {
  await selectBox(select).click();
  for (const option of options) {
    await page.keyboard.type(option);
    await openPopup(page).locator(`.ant-select-item-option[title="${option}"]`).click();
  }
  await page.keyboard.press('Escape');
  await openPopup(page)
    .waitFor({ state: 'detached' })
    .catch(() => undefined);
}

const selectBox = (select: Locator) =>
  select
    .locator('.ant-select')
    .or(select.and(select.page().locator('.ant-select')))
    .first();

/** Types a day range ("2026-12-01") into a RangePicker inside `field`, Enter after each end. */
export async function fillRange(field: Locator, from: string, to: string, [start, end] = ['开始日期', '结束日期']) {
  await field.getByPlaceholder(start).click();
  await field.getByPlaceholder(start).fill(from);
  await field.getByPlaceholder(start).press('Enter');
  await field.getByPlaceholder(end).fill(to);
  await field.getByPlaceholder(end).press('Enter');
}

/** Walks a Cascader down a path (省, 市, 区), one column after the other. */
export async function pickCascader(page: Page, cascader: Locator, path: string[]): Promise<void> {
  await cascader.click();
  const menus = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden) .ant-cascader-menu');
  for (const [i, name] of path.entries())
    await menus.nth(i).locator(`.ant-cascader-menu-item[title="${name}"]`).click();
  // A leaf closes the menu by itself (an Escape then would close a dialog around the picker); a path
  // that stops above the leaves leaves it open, and Escape closes it.
  await page
    .locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)')
    .waitFor({ state: 'hidden', timeout: 2_000 })
    .catch(() => page.keyboard.press('Escape'));
}

/** The header's language switch. */
export async function switchLanguage(page: Page, language: '简体中文' | 'English'): Promise<void> {
  await pickOption(page, page.getByTestId('language'), language);
}
