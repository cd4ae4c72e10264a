import { create } from 'zustand';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export const LOCALES = { 'zh-CN': zhCN, en } as const satisfies Record<string, Messages>;
export type Locale = keyof typeof LOCALES;
const STORAGE_KEY = 'order-desk-locale';

const initialLocale = (): Locale => {
  const saved = localStorage.getItem(STORAGE_KEY);
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
};

interface I18nState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

export const useI18n = create<I18nState>((set) => ({
  locale: initialLocale(),
  setLocale(locale) {
    localStorage.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

export const useMessages = (): Messages => LOCALES[useI18n((s) => s.locale)];

export { fill } from './fill';
