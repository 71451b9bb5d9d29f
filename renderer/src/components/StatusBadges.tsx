import { useTranslation } from 'react-i18next';
import type { AccessClass, DocumentStatus } from '../../../shared/domain/access';
import { Badge, type BadgeTone } from './Badge';

const ACCESS_TONE: Record<AccessClass | 'undecided', BadgeTone> = {
  public: 'success',
  conditional: 'warning',
  secret: 'danger',
  undecided: 'neutral',
};

export function AccessBadge({ access, partial }: { access: AccessClass | null; partial?: boolean }) {
  const { t } = useTranslation();
  const key = access ?? 'undecided';
  return <Badge tone={ACCESS_TONE[key]}>{partial && access === 'public' ? t('access.partial') : t(`access.${key}`)}</Badge>;
}

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'imported' ? 'warning' : 'info'}>{t(`status.${status}`)}</Badge>;
}

/** A document's OCR state. Pages without text are "waiting" only when an OCR job holds them
 *  (`queued`); otherwise they "need OCR" — nothing will happen to them until someone asks. */
export function OcrBadge({
  ocr,
  queued,
}: {
  ocr: { pending: number; failed: number; done: number };
  queued?: number;
}) {
  const { t } = useTranslation();
  if (ocr.failed > 0) return <Badge tone="danger">{t('ocr.failed', { count: ocr.failed })}</Badge>;
  if (ocr.pending > 0 && queued === 0) return <Badge tone="warning">{t('ocr.needed', { count: ocr.pending })}</Badge>;
  if (ocr.pending > 0) return <Badge tone="warning">{t('ocr.pending', { count: ocr.pending })}</Badge>;
  if (ocr.done > 0) return <Badge tone="success">{t('ocr.done')}</Badge>;
  return <Badge tone="neutral">{t('ocr.notNeeded')}</Badge>;
}
