import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { useConfirmHeader } from '../../api/pipelineQueries';
import { hrefOf } from '../../app/router';
import { Alert, Badge, Button } from '../../components';
import { errorText } from '../../i18n/index';

/**
 * The header fields marked "cần kiểm tra" (published fields OCR read without being sure): each
 * with its value and OCR confidence, confirmed as read one by one or all at once; a wrong one is
 * corrected in the header form. Approval for publication waits until none is left (the engine's
 * rule, HEADER_UNCHECKED).
 */
export function HeaderCheck({ document, editLink = false }: { document: DocumentDetail; editLink?: boolean }) {
  const { t, i18n } = useTranslation();
  const confirm = useConfirmHeader(document.id);
  const open = document.headerFields.filter((f) => f.needsCheck);
  if (open.length === 0) return null;
  return (
    <section className="header-check" aria-labelledby={`header-check-${document.id}`}>
      <h3 id={`header-check-${document.id}`} className="header-check-title">
        <Badge tone="warning">{t('headerCheck.badge')}</Badge> {t('headerCheck.title', { count: open.length })}
      </h3>
      <p className="field-hint">{t('headerCheck.explain')}</p>
      <ul className="header-check-list">
        {open.map((f) => {
          const field = t(`header.${f.key}`);
          const value = f.key === 'issuedDate' ? formatDateVi(f.value) : (f.value ?? '');
          return (
            <li key={f.key}>
              <span>
                <strong>{field}:</strong> <span className="break">“{value}”</span>
                {f.ocrConfidence !== null ? (
                  <span className="field-hint"> ({t('headerCheck.confidence', { percent: Math.round(f.ocrConfidence) })})</span>
                ) : null}
              </span>
              <Button
                size="sm"
                onClick={() => confirm.mutate([f.key])}
                disabled={confirm.isPending}
              >
                {t('headerCheck.confirm')}
                <span className="visually-hidden"> {t('headerCheck.confirmNamed', { field })}</span>
              </Button>
            </li>
          );
        })}
      </ul>
      <div className="form-actions">
        {open.length > 1 ? (
          <Button size="sm" variant="primary" onClick={() => confirm.mutate(undefined)} disabled={confirm.isPending}>
            {t('headerCheck.confirmAll', { count: open.length })}
          </Button>
        ) : null}
        {editLink ? (
          <a href={hrefOf({ name: 'document', id: document.id, page: 1 })}>{t('headerCheck.edit')}</a>
        ) : (
          <span className="field-hint">{t('headerCheck.editHere')}</span>
        )}
      </div>
      {confirm.error ? (
        <Alert tone="error">{errorText(confirm.error as unknown as { code: string; message: string }, i18n.language)}</Alert>
      ) : null}
    </section>
  );
}
