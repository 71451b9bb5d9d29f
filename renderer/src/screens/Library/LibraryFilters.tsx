import { useTranslation } from 'react-i18next';
import {
  ACCESS_CLASSES,
  DOCUMENT_STATUSES,
  type AccessClass,
  type DocumentStatus,
} from '../../../../shared/domain/access';
import { DOC_TYPES, type SearchFilters } from '../../api/filters';
import { Button } from '../../components';

/** Filters that narrow both the listing and the search (all are index lookups in the engine). */
export function LibraryFilters({
  value,
  onChange,
}: {
  value: SearchFilters;
  onChange: (next: SearchFilters) => void;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof SearchFilters>(key: K, v: SearchFilters[K] | undefined) => {
    const next = { ...value };
    if (v === undefined) delete next[key];
    else next[key] = v;
    onChange(next);
  };
  const years = Array.from({ length: 30 }, (_, i) => new Date().getFullYear() - i);
  const active = Object.keys(value).length > 0;

  return (
    <fieldset className="library-filters">
      <legend className="visually-hidden">{t('library.filters')}</legend>
      <label>
        <span className="visually-hidden">{t('access.all')}</span>
        <select
          className="input"
          value={value.access ?? ''}
          onChange={(e) =>
            set('access', (e.target.value || undefined) as AccessClass | 'undecided' | undefined)
          }
        >
          <option value="">{t('access.all')}</option>
          {[...ACCESS_CLASSES, 'undecided' as const].map((a) => (
            <option key={a} value={a}>
              {t(`access.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('library.docType')}</span>
        <select
          className="input"
          value={value.docType ?? ''}
          onChange={(e) => set('docType', e.target.value || undefined)}
        >
          <option value="">{t('library.allTypes')}</option>
          {DOC_TYPES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('library.year')}</span>
        <select
          className="input"
          value={value.year ?? ''}
          onChange={(e) => set('year', e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">{t('library.year')}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="visually-hidden">{t('status.all')}</span>
        <select
          className="input"
          value={value.status ?? ''}
          onChange={(e) => set('status', (e.target.value || undefined) as DocumentStatus | undefined)}
        >
          <option value="">{t('status.all')}</option>
          {DOCUMENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {active ? (
        <Button size="sm" variant="ghost" onClick={() => onChange({})}>
          {t('library.clearFilters')}
        </Button>
      ) : null}
    </fieldset>
  );
}
