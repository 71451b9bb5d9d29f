import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocument } from '../../api/queries';
import { PipelineStatus } from './PipelineStatus';
import { hrefOf } from '../../app/router';
import { AccessBadge, Alert, PageHeader, StatusBadge } from '../../components';
import { errorText } from '../../i18n/index';
import { CopiesPanel } from './CopiesPanel';
import { DocumentInfo } from './DocumentInfo';
import { HeaderForm } from './HeaderForm';
import { PageViewer } from './PageViewer';
import { RedactionPanel } from '../Redaction/RedactionPanel';
import { PageRegions } from '../Redaction/RegionsOverlay';
import { useRedactionTools } from '../Redaction/useRedactionTools';
import '../Redaction/redaction.css';

export function DocumentScreen({ id, page }: { id: number; page: number }) {
  const { t, i18n } = useTranslation();
  const doc = useDocument(id);
  const redaction = useRedactionTools(id);
  const textRef = useRef<HTMLElement | null>(null);

  if (doc.isPending)
    return (
      <div className="screen">
        <p role="status">{t('common.loading')}</p>
      </div>
    );
  if (doc.error || !doc.data) {
    return (
      <div className="screen">
        <PageHeader title={t('document.notFound')} />
        <Alert tone="error">
          {doc.error
            ? errorText(doc.error as unknown as { code: string; message: string }, i18n.language)
            : t('document.notFound')}
        </Alert>
        <a href={hrefOf({ name: 'library' })}>{t('common.back')}</a>
      </div>
    );
  }
  const d = doc.data;
  const title = [d.header.numberNotation, d.header.subject].filter(Boolean).join(' — ') || d.fileName;
  return (
    <div className="screen document-screen">
      <a href={hrefOf({ name: 'library' })} className="back-link">
        ← {t('common.back')}
      </a>
      <PageHeader
        title={title}
        subtitle={
          <>
            <AccessBadge access={d.access.decided?.class ?? null} partial={d.access.decided?.partial ?? false} /> <StatusBadge status={d.status} />{' '}
            <span className="break">{d.fileName}</span>
          </>
        }
      />
      <PipelineStatus document={d} />
      <CopiesPanel document={d} level={2} />
      <PageViewer
        documentId={d.id}
        pages={d.pages}
        page={page}
        pipeline={d.pipeline}
        textRef={textRef}
        overlay={<PageRegions tools={redaction} page={page} />}
      />
      <details className="panel document-redaction" open={(redaction.view?.regions.length ?? 0) > 0 || undefined}>
        <summary className="panel-title">{t('redaction.sectionTitle')}</summary>
        <RedactionPanel heading={false} tools={redaction} page={page} textRef={textRef} approvedPartial={(d.access.decided?.partial && d.access.decided.approved) ?? false} />
      </details>
      <div className="document-lower">
        <HeaderForm document={d} />
        <DocumentInfo document={d} />
      </div>
    </div>
  );
}
