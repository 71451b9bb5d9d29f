import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo, useSaveSettings } from '../api/queries';
import { hrefOf, type Route } from './router';
import { ArchiveHealthBanner } from './ArchiveHealthBanner';

const SECTIONS = ['library', 'review', 'export', 'requests', 'import', 'scan', 'jobs', 'settings'] as const;
/** Screens that belong to a section of the navigation. */
const SECTION_OF: Partial<Record<Route['name'], (typeof SECTIONS)[number]>> = {
  document: 'library',
  request: 'requests',
  consents: 'requests',
  statistics: 'requests',
  camera: 'scan',
};

/** Navigation, language switch and the main landmark around every screen. */
export function Shell({ route, children }: { route: Route; children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  const save = useSaveSettings();
  const current = SECTION_OF[route.name] ?? route.name;

  const switchLanguage = (language: 'vi' | 'en') => {
    void i18n.changeLanguage(language);
    save.mutate({ language });
  };

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        {t('app.skip')}
      </a>
      <nav className="shell-nav" aria-label={t('app.nav')}>
        <div>
          <p className="shell-brand">{t('app.name')}</p>
          <p className="shell-tagline">{t('app.tagline')}</p>
        </div>
        <ul>
          {SECTIONS.map((name) => (
            <li key={name}>
              <a href={hrefOf({ name })} aria-current={current === name ? 'page' : undefined}>
                {t(`nav.${name}`)}
              </a>
            </li>
          ))}
        </ul>
        <div className="shell-footer">
          <label htmlFor="ui-language">{t('app.language')}</label>
          <select
            id="ui-language"
            className="input"
            value={i18n.language}
            onChange={(e) => switchLanguage(e.target.value as 'vi' | 'en')}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
          {info.data ? <span>{t('app.documents', { count: info.data.documentCount })}</span> : null}
          {info.data?.host === 'preview' ? <span>{t('app.previewHost')}</span> : null}
        </div>
      </nav>
      <main id="main" className="shell-main" tabIndex={-1}>
        <ArchiveHealthBanner />
        {children}
      </main>
    </div>
  );
}
