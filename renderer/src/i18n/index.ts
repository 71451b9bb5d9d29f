import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import vi from './vi.json';
import { ERROR_MESSAGES } from '../../../shared/domain/errors';

// Bundled resources only: nothing is fetched at run time.
void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React escapes; file names stay text
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** An error's message in the interface language. In Vietnamese the engine's own message, which
 *  names the document, file or operation; in English the shared table's text. */
export function errorText(error: { code: string; message: string }, lng: string): string {
  const known = (ERROR_MESSAGES as Record<string, { vi: string; en: string }>)[error.code];
  if (!known || lng !== 'en') return error.message;
  return known.en;
}

export default i18n;
