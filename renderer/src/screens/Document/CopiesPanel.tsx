import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { hrefOf } from '../../app/router';
import { Badge, StatusBadge } from '../../components';

/**
 * Other files of the same document (same number and notation, date and issuer: a scan beside its
 * born-digital PDF), linked both ways. Only one copy is published — the born-digital one when
 * there is one — and this says which.
 */
export function CopiesPanel({ document, level = 3 }: { document: DocumentDetail; level?: 2 | 3 }) {
  const { t } = useTranslation();
  if (document.copies.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  const preferred = document.copies.find((c) => c.preferred);
  return (
    <section className="copies" aria-labelledby={`copies-${document.id}`}>
      <Heading id={`copies-${document.id}`} className="header-check-title">
        {t('copies.title', { count: document.copies.length })}
      </Heading>
      <p className="field-hint">
        {document.preferredCopy !== null && preferred
          ? t('copies.otherPublished', { name: preferred.fileName })
          : t('copies.thisPublished')}
      </p>
      <ul className="copies-list">
        {document.copies.map((c) => (
          <li key={c.id}>
            <a href={hrefOf({ name: 'document', id: c.id, page: 1 })} className="break">
              {c.fileName}
            </a>{' '}
            {c.bornDigital ? <Badge tone="info">{t('copies.bornDigital')}</Badge> : <Badge>{t('copies.scan')}</Badge>}{' '}
            {c.preferred ? <Badge tone="success">{t('copies.published')}</Badge> : null} <StatusBadge status={c.status} />
          </li>
        ))}
      </ul>
    </section>
  );
}
