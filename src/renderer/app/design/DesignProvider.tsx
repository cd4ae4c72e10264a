import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'antd/dist/antd.css';
import { useMemo, type ReactNode } from 'react';
import { useI18n, type Locale } from '../../i18n';
import { useDensity } from './density';
import { themeFor } from './theme';

const ANT_LOCALES = { 'zh-CN': zhCN, en: enUS } as const;
const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

/**
 * The design system around a part of the screen built from Ant Design (see island.tsx): Ant's
 * locale and dayjs's follow the app's language switch, the theme follows the density. Toasts and
 * confirms come from `App.useApp()` (message, modal) inside it, so they carry the theme and locale.
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
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}
