import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { RedactionRegion } from '../../../../shared/contract/redaction';
import { Alert, Button } from '../../components';
import { errorText } from '../../i18n/index';
import type { RedactionTools } from './useRedactionTools';

function RegionRow({ region, tools, current }: { region: RedactionRegion; tools: RedactionTools; current: boolean }) {
  const { t } = useTranslation();
  const category = t(`redaction.category.${region.category}`, { defaultValue: region.category });
  return (
    <li className={`rg-row rg-row-${region.state}${current ? ' rg-row-current' : ''}`} aria-current={current ? 'true' : undefined}>
      <button type="button" className="rg-row-main" onClick={() => tools.select(region.id)}>
        <span className="rg-row-label">{region.label}</span> {category}
        {region.text ? <span className="rg-row-text"> — {region.text}</span> : null}
        <span className="visually-hidden">, {t(`redaction.state.${region.state}`)}</span>
        {region.boxes.length === 0 ? <span className="rg-row-warn"> {t('redaction.unlocated')}</span> : null}
      </button>
      <span className="rg-row-actions">
        {region.state !== 'accepted' ? (
          <Button size="sm" disabled={tools.busy || region.boxes.length === 0} onClick={() => tools.setRegions([region.id], 'accepted')} aria-label={t('redaction.acceptOne', { id: region.id, category })}>
            {t('redaction.accept')}
          </Button>
        ) : null}
        {region.state !== 'removed' ? (
          <Button size="sm" disabled={tools.busy} onClick={() => tools.setRegions([region.id], 'removed')} aria-label={t('redaction.removeOne', { id: region.id, category })}>
            {t('redaction.remove')}
          </Button>
        ) : null}
      </span>
    </li>
  );
}

/**
 * The redaction panel: what is marked on this page and in the whole document, the tools (propose
 * from the findings, accept all, draw, redact the selected text), each region with accept/remove,
 * and what redaction removes and why a black box drawn in a PDF editor is not redaction.
 */
export function RedactionPanel({ tools, page, textRef, approvedPartial, heading = true }: { tools: RedactionTools; page: number; textRef: RefObject<HTMLElement | null>; approvedPartial?: boolean; heading?: boolean }) {
  const { t, i18n } = useTranslation();
  const view = tools.view;
  const onPage = view?.regions.filter((r) => r.page === page) ?? [];
  const others = view ? view.regions.filter((r) => r.page !== page && r.state === 'proposed').length : 0;
  return (
    <div className="redaction-panel">
      {heading ? <h3 className="panel-subtitle">{t('redaction.title')}</h3> : null}
      {view ? (
        <p className="redaction-summary" role="status">
          {t('redaction.summary', { accepted: view.summary.accepted, proposed: view.summary.proposed, removed: view.summary.removed })}
          {view.summary.unlocated > 0 ? ` ${t('redaction.unlocatedCount', { count: view.summary.unlocated })}` : ''}
        </p>
      ) : null}
      {approvedPartial ? <p className="field-hint">{t('redaction.changeAfterApproval')}</p> : null}
      <div className="redaction-tools" role="group" aria-label={t('redaction.tools')}>
        <Button size="sm" onClick={tools.propose} disabled={tools.busy}>
          {t('redaction.propose')}
        </Button>
        <Button size="sm" onClick={tools.acceptAll} disabled={tools.busy || !view?.summary.proposed}>
          {t('redaction.acceptAll')}
        </Button>
        <Button size="sm" aria-pressed={tools.drawing} onClick={() => tools.setDrawing(!tools.drawing)} aria-keyshortcuts="D">
          {tools.drawing ? t('redaction.stopDrawing') : t('redaction.draw')}
        </Button>
        <Button size="sm" disabled={tools.busy} onPointerDown={(e) => e.preventDefault()} onClick={() => tools.redactSelection(page, textRef.current)}>
          {t('redaction.redactSelection')}
        </Button>
      </div>
      {tools.drawing ? <p className="field-hint">{t('redaction.drawHint')}</p> : null}
      {tools.notice ? <Alert tone="warning">{t(`redaction.${tools.notice}`)}</Alert> : null}
      {tools.error ? <Alert tone="error">{errorText(tools.error as unknown as { code: string; message: string }, i18n.language)}</Alert> : null}
      {onPage.length > 0 ? (
        <ul className="rg-list" aria-label={t('redaction.onPage', { n: page })}>
          {onPage.map((r) => (
            <RegionRow key={r.id} region={r} tools={tools} current={tools.selected === r.id} />
          ))}
        </ul>
      ) : (
        <p className="field-hint">{t('redaction.noneOnPage', { n: page })}</p>
      )}
      {others > 0 ? <p className="field-hint">{t('redaction.otherPages', { count: others })}</p> : null}
      <details className="redaction-help">
        <summary>{t('redaction.helpTitle')}</summary>
        <p>{t('redaction.helpRemoved')}</p>
        <p>{t('redaction.helpNotBoxes')}</p>
        <p>{t('redaction.helpHow')}</p>
      </details>
    </div>
  );
}
