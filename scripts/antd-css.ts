import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * Ant Design's prebuilt stylesheet (antd/dist/antd.css, read with `zeroRuntime`) holds every
 * component and three themes' variable sets: about 1 MB the renderer parses before its first
 * paint, and every style recalculation matches against. The desk keeps what it can use: blocks
 * of components it never renders go, and so do the prebuilt `.css-var-_R_…` variable blocks,
 * which can never match (the app's ConfigProvider writes its own, under its own class).
 */
export const UNUSED_COMPONENTS = [
  'affix',
  'anchor',
  'back-top',
  'breadcrumb',
  'carousel',
  'col-xs',
  'col-sm',
  'col-md',
  'col-lg',
  'col-xl',
  'col-xxl',
  'col-xxxl',
  'collapse',
  'color-picker',
  'float-btn',
  'image',
  'input-otp',
  'list',
  'listy',
  'masonry',
  'mentions',
  'menu-dark',
  'menu-horizontal',
  'notification',
  'picker-calendar',
  'qrcode',
  'radio',
  'rate',
  'skeleton',
  'slider',
  'splitter',
  'steps',
  'tabs-bottom',
  'tabs-card',
  'tabs-left',
  'tabs-right',
  'tour',
  'transfer',
  'tree',
  'tree-select',
  'watermark',
] as const;

interface Block {
  /** The selector list, or the at-rule's prelude ("@media (min-width: 576px)"). */
  head: string;
  body: string;
}

/** Top-level blocks of a stylesheet without comments (antd's prebuilt one has none). */
function blocks(css: string): Block[] {
  const found: Block[] = [];
  let at = 0;
  while (at < css.length) {
    const open = css.indexOf('{', at);
    if (open < 0) break;
    let depth = 0;
    let close = open;
    for (; close < css.length; close++) {
      if (css[close] === '{') depth++;
      else if (css[close] === '}' && --depth === 0) break;
    }
    found.push({ head: css.slice(at, open).trim(), body: css.slice(open + 1, close) });
    at = close + 1;
  }
  return found;
}

const componentOf = (selector: string): string | null =>
  /^(?:\.css-var-[^\s.]+)?\.ant-([a-z-]+)/.exec(selector.trim())?.[1] ?? null;

/** A rule every selector of which styles a component the desk never renders, or a dead variable set. */
function dead(head: string, unused: readonly string[]): boolean {
  if (head.startsWith('.css-var-_R_')) return true;
  return head.split(',').every((selector) => {
    const component = componentOf(selector);
    return component !== null && unused.some((u) => component === u || component.startsWith(`${u}-`));
  });
}

export function trimAntdCss(css: string, unused: readonly string[] = UNUSED_COMPONENTS): string {
  return blocks(css)
    .map(({ head, body }) => {
      // Conditional group rules hold rules of their own: trimmed the same way.
      if (/^@(media|supports|container|layer)\b/.test(head)) {
        const inner = trimAntdCss(body, unused);
        return inner ? `${head}{${inner}}` : '';
      }
      if (head.startsWith('@')) return `${head}{${body}}`;
      return dead(head, unused) ? '' : `${head}{${body}}`;
    })
    .join('');
}

/** Serves `antd/dist/antd.css` trimmed to what the desk renders. */
export function antdCss(): Plugin {
  const path = createRequire(import.meta.url).resolve('antd/dist/antd.css');
  return {
    name: 'order-desk:antd-css',
    enforce: 'pre',
    load(id) {
      if (id.split('?')[0] !== path) return null;
      return trimAntdCss(readFileSync(path, 'utf8'));
    },
  };
}
