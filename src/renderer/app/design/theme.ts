import { theme, type ThemeConfig } from 'antd';
import type { Density } from './rows';

/**
 * The desk's design tokens. Every Ant component reads them through ConfigProvider; the few parts
 * built by hand (the virtual order table, the print view) read the same values as CSS variables
 * (`tokenVariables`), so nothing carries a colour or a radius of its own.
 */
const SEED = {
  colorPrimary: '#1664ff',
  colorSuccess: '#12b76a',
  colorWarning: '#f79009',
  colorError: '#d92d20',
  colorInfo: '#1664ff',
  colorTextBase: '#1f2329',
  colorBgLayout: '#f5f6f8',
  borderRadius: 6,
  fontFamily:
    "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Segoe UI', system-ui, sans-serif",
  fontFamilyCode: "ui-monospace, 'SFMono-Regular', 'JetBrains Mono', Menlo, Consolas, monospace",
  fontSize: 14,
};

export function themeFor(density: Density): ThemeConfig {
  return {
    // Components' styles come from antd's prebuilt stylesheet (imported once in DesignProvider),
    // not generated at run time: generating them cost the first list paint ~200 ms. The tokens
    // below still apply, as the CSS variables that stylesheet reads.
    zeroRuntime: true,
    token: SEED,
    algorithm: density === 'compact' ? [theme.defaultAlgorithm, theme.compactAlgorithm] : theme.defaultAlgorithm,
    components: {
      Layout: { headerBg: '#ffffff', headerHeight: 48, headerPadding: '0 16px', siderBg: '#ffffff' },
      Menu: { itemHeight: density === 'compact' ? 32 : 40, activeBarBorderWidth: 0 },
    },
  };
}

type Token = ReturnType<typeof theme.useToken>['token'];

/** The preset colours the status palette uses (components/status-palette.ts). */
const TAG_COLORS = ['orange', 'gold', 'blue', 'cyan', 'purple', 'green', 'red', 'volcano'] as const;

/** Each status colour as a filled tag draws it: its lightest shade behind its dark one. */
const tagVariables = (token: Token) =>
  Object.fromEntries(
    TAG_COLORS.flatMap((c) => [
      [`--desk-tag-${c}-bg`, token[`${c}1`]],
      [`--desk-tag-${c}-fg`, token[`${c}7`]],
    ]),
  ) as Record<`--desk-${string}`, string>;

/** The tokens hand-built parts need, as CSS custom properties set on the shell's root. */
export const tokenVariables = (token: Token, rowHeight: number): Record<`--desk-${string}`, string> => ({
  '--desk-primary': token.colorPrimary,
  '--desk-primary-bg': token.colorPrimaryBg,
  '--desk-primary-bg-hover': token.colorPrimaryBgHover,
  '--desk-text': token.colorText,
  '--desk-text-secondary': token.colorTextSecondary,
  '--desk-text-tertiary': token.colorTextTertiary,
  '--desk-border': token.colorBorderSecondary,
  '--desk-split': token.colorSplit,
  '--desk-bg-container': token.colorBgContainer,
  '--desk-bg-layout': token.colorBgLayout,
  '--desk-fill-header': token.colorFillAlter,
  '--desk-hover': token.controlItemBgHover,
  '--desk-selected': token.controlItemBgActive,
  '--desk-error': token.colorError,
  '--desk-warning': token.colorWarning,
  '--desk-success': token.colorSuccess,
  '--desk-radius': `${token.borderRadius}px`,
  '--desk-radius-sm': `${token.borderRadiusSM}px`,
  '--desk-font': token.fontFamily,
  '--desk-font-code': token.fontFamilyCode,
  '--desk-font-size': `${token.fontSize}px`,
  '--desk-font-size-sm': `${token.fontSizeSM}px`,
  '--desk-padding': `${token.padding}px`,
  '--desk-padding-sm': `${token.paddingSM}px`,
  '--desk-padding-xs': `${token.paddingXS}px`,
  '--desk-row-height': `${rowHeight}px`,
  '--desk-tag-default-bg': token.colorFillTertiary,
  '--desk-tag-default-fg': token.colorText,
  ...tagVariables(token),
});
