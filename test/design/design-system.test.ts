import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every control of the renderer comes from the design system (Ant Design): a raw <select>,
 * <input>, <textarea>, <button>, <fieldset>, <progress>, <details> or <dialog> in a component is a
 * screen that slipped past it. The screen tour checks the rendered DOM of every screen; this
 * checks the source, so a control in a state the tour never reaches is caught too.
 */
const ROOT = 'src/renderer';
const RAW = /<(select|input|textarea|button|fieldset|progress|details|dialog)\b/g;

/**
 * The one exception: the order list's virtual rows keep a native checkbox per row (styled by the
 * tokens), because 25 Ant checkboxes re-rendered every scroll frame would cost the million-row
 * list its frame rate. It may hold checkboxes and nothing else.
 */
const NATIVE_CHECKBOX_ONLY = new Set(['screens/orders/OrderTable.tsx']);

function components(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return components(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}

/** The raw controls of one file, e.g. ['<button', '<input type="checkbox"']. */
function rawControls(source: string): string[] {
  return [...source.matchAll(RAW)].map((match) => {
    const tag = source.slice(match.index, source.indexOf('>', match.index) + 1);
    return /type="checkbox"/.test(tag) ? '<input type="checkbox"' : `<${match[1]}`;
  });
}

const files = components(ROOT).map((path) => ({
  name: relative(ROOT, path),
  raw: rawControls(readFileSync(path, 'utf8')),
}));

describe('the renderer builds its controls from the design system', () => {
  it('finds its components', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  for (const { name, raw } of files) {
    if (NATIVE_CHECKBOX_ONLY.has(name)) {
      it(`${name} keeps only its rows' native checkboxes`, () => {
        expect(raw.filter((r) => r !== '<input type="checkbox"')).toEqual([]);
      });
    } else {
      it(`${name} has no raw form control`, () => {
        expect(raw).toEqual([]);
      });
    }
  }
});
