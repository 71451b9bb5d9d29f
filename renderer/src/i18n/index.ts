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

/** An error's message in the interface language: in Vietnamese the message the engine sent (it
 *  may name the document or the date), in English the shared table's text when the code is known. */
export function errorText(error: { code: string; message: string }, lng: string): string {
  const known = (ERROR_MESSAGES as Record<string, { vi: string; en: string }>)[error.code];
  if (!known) return error.message;
  // The engine's messages are Vietnamese and may name the document and the cause (export
  // failures): shown as they are; English gets the code's fixed sentence.
  return lng === 'en' ? known.en : error.message || known.vi;
}

export default i18n;
