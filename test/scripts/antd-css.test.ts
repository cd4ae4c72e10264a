import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trimAntdCss, UNUSED_COMPONENTS } from '../../scripts/antd-css';

const full = readFileSync(createRequire(import.meta.url).resolve('antd/dist/antd.css'), 'utf8');
const trimmed = trimAntdCss(full);

/** Every component the renderer imports from antd, kebab-cased (DatePicker → date-picker). */
function importedComponents(dir = 'src/renderer'): Set<string> {
  const names = new Set<string>();
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      for (const name of importedComponents(path)) names.add(name);
    } else if (/\.tsx?$/.test(entry)) {
      for (const [, list] of readFileSync(path, 'utf8').matchAll(/import \{([^}]+)\} from 'antd'/g)) {
        for (const raw of list!.split(',')) {
          const name = raw.trim().split(/\s+as\s+/)[0]!;
          if (/^[A-Z]/.test(name)) names.add(name.replace(/[a-z][A-Z]/g, (p) => `${p[0]}-${p[1]}`).toLowerCase());
        }
      }
    }
  }
  return names;
}

describe("antd's prebuilt stylesheet, trimmed to what the desk renders", () => {
  it('keeps the components the desk uses, their popups and motions', () => {
    for (const selector of [
      '.ant-btn',
      '.ant-select-dropdown',
      '.ant-table',
      '.ant-picker-dropdown',
      '.ant-cascader-menu',
      '.ant-modal',
      '.ant-drawer',
      '.ant-form-item',
      '.ant-col-24',
      '.ant-tabs',
      '.ant-message',
      '@keyframes',
    ]) {
      expect(trimmed, selector).toContain(selector);
    }
  });

  it('drops components the desk never renders and variable sets that can never match', () => {
    for (const selector of ['.ant-steps', '.ant-color-picker', '.ant-tree-select', '.ant-carousel', '.css-var-_R_']) {
      expect(trimmed, selector).not.toContain(selector);
    }
    expect(trimmed.length).toBeLessThan(full.length * 0.7);
  });

  it('drops a rule only when every selector in it styles an unused component', () => {
    expect(trimAntdCss('.ant-steps,.ant-btn{color:red}.ant-steps-item{color:blue}', ['steps'])).toBe(
      '.ant-steps,.ant-btn{color:red}',
    );
    expect(trimAntdCss('@media (min-width:1px){.ant-steps{a:b}}@media (min-width:2px){.ant-btn{a:b}}', ['steps'])).toBe(
      '@media (min-width:2px){.ant-btn{a:b}}',
    );
  });

  it('never drops a component the renderer imports (take it off UNUSED_COMPONENTS when you start using it)', () => {
    const used = importedComponents();
    expect(used.size).toBeGreaterThan(10);
    expect(UNUSED_COMPONENTS.filter((name) => used.has(name))).toEqual([]);
  });
});
