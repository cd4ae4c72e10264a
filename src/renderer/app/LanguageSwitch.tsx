import { LOCALES, useI18n, useMessages, type Locale } from '../i18n';

const NAMES: Record<Locale, string> = { 'zh-CN': '简体中文', en: 'English' };

export function LanguageSwitch() {
  const m = useMessages();
  const { locale, setLocale } = useI18n();
  return (
    <label className="language">
      <span>{m.ui.language}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
        {(Object.keys(LOCALES) as Locale[]).map((l) => (
          <option key={l} value={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
