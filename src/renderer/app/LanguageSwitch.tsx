import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { LOCALES, useI18n, useMessages, type Locale } from '../i18n';

const NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

/** The app's language; Ant's own texts (pickers, pagination, empty states) and dates follow it. */
export function LanguageSwitch() {
  const m = useMessages();
  const { locale, setLocale } = useI18n();
  return (
    <Select<Locale>
      className="language-switch"
      aria-label={m.ui.language}
      data-testid="language"
      variant="borderless"
      prefix={<GlobalOutlined />}
      value={locale}
      onChange={setLocale}
      popupMatchSelectWidth={false}
      options={(Object.keys(LOCALES) as Locale[]).map((l) => ({ value: l, label: NAMES[l] }))}
    />
  );
}
