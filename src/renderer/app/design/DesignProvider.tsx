import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useLayoutEffect, useMemo, type ReactNode } from 'react';
import { useI18n, type Locale } from '../../i18n';
import { ROW_HEIGHTS, useDensity, type Density } from './density';
import { themeFor, tokenVariables } from './theme';

const ANT_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * The one design system around the whole renderer: Ant's locale and dayjs's follow the app's
 * language switch, the theme follows the density. Toasts, confirms and notifications come from
 * `App.useApp()` (message, modal, notification) inside it, so they carry the theme and locale.
 */
export function DesignProvider({ children }: { children: ReactNode }) {
  const locale = useI18n((s) => s.locale);
  const density = useDensity((s) => s.density);
  const config = useMemo(() => themeFor(density), [density]);
  dayjs.locale(DAYJS_LOCALES[locale]);
  return (
    // No space forced between two Chinese characters of a button (搜索, not 搜 索): what users read
    // everywhere else, and what assistive tech and tests find by name.
    <ConfigProvider locale={ANT_LOCALES[locale]} theme={config} button={{ autoInsertSpace: false }}>
      <AntApp component={false}>
        <TokenVariables density={density} />
        {children}
      </AntApp>
    </ConfigProvider>
  );
}

/**
 * Hands the tokens to the parts built by hand (the virtual order table, the print view) as CSS
 * variables on the document, so they reach portals (Drawer, Modal) as well as the shell.
 */
function TokenVariables({ density }: { density: Density }) {
  const { token } = theme.useToken();
  useLayoutEffect(() => {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(tokenVariables(token, ROW_HEIGHTS[density]))) {
      root.style.setProperty(name, value);
    }
    root.dataset['density'] = density;
  }, [token, density]);
  return null;
}
