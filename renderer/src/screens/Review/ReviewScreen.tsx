import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem, LegalRegistryView, ReviewQueueQuery } from '../../../../shared/contract/review';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { ACCESS_CLASSES, DOCUMENT_STATUSES, type AccessClass } from '../../../../shared/domain/access';
import { DOC_TYPES } from '../../api/filters';
import {
  useAnalyse,
  useAuditVerify,
  useDecide,
  useDocument,
  useEvidence,
  useLegalRegistry,
  usePlanApproval,
  useReviewQueue,
} from '../../api/queries';
import { hrefOf } from '../../app/router';
import { AccessBadge, Alert, Button, PageHeader, Panel, StatusBadge } from '../../components';
import { errorText } from '../../i18n/index';
import { CopiesPanel } from '../Document/CopiesPanel';
import { DocumentInfo } from '../Document/DocumentInfo';
import { HeaderCheck } from '../Document/HeaderCheck';
import { BulkApprovalDialog } from './BulkApprovalDialog';
import { DecisionForm, type DecisionDraft, type DecisionFormHandle } from './DecisionForm';
import { EvidenceView } from './EvidenceView';
import { KeyLegend } from './KeyLegend';
import { ReviewQueue } from './ReviewQueue';
import './review.css';

type Filters = Omit<ReviewQueueQuery, 'limit'>;

const CLASS_BY_KEY: Record<string, AccessClass> = { '1': 'public', '2': 'conditional', '3': 'secret' };

/** A basis that fits the class: the current one if it does, else the suggestion's, else the
 *  registry's first entry for that class in its default version. */
function basisFor(
  access: AccessClass,
  current: string,
  doc: DocumentDetail | undefined,
  registry: LegalRegistryView | undefined,
): string {
  const entries = registry?.versions.flatMap((v) => v.entries) ?? [];
  const fits = (id: string | null | undefined) => {
    const e = id ? entries.find((x) => x.id === id) : undefined;
    return e && (e.accessClass === null || e.accessClass === access) ? e.id : null;
  };
  return (
    fits(current) ??
    fits(doc?.access.suggested?.class === access ? doc.access.suggested.basis : null) ??
    registry?.versions
      .find((v) => v.id === registry.defaultVersion)
      ?.entries.find((e) => e.accessClass === access)?.id ??
    ''
  );
}

function draftOf(doc: DocumentDetail): DecisionDraft {
  const decided = doc.access.decided;
  const suggested = doc.access.suggested;
  if (decided) return { access: decided.class, basis: decided.basis, note: '' };
  return {
    access: suggested?.class ?? null,
    basis: suggested?.class ? (suggested.basis ?? '') : '',
    note: '',
  };
}

const isEditable = (el: HTMLElement) =>
  el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;

export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const queue = useReviewQueue(filters);
  const items = queue.data?.items ?? [];
  const [selected, setSelected] = useState<number | null>(null);
  const current = items.find((i) => i.id === selected) ?? items[0] ?? null;
  const currentId = current?.id ?? null;
  const doc = useDocument(currentId ?? 0, currentId !== null);
  const detail = currentId !== null && doc.data?.id === currentId ? doc.data : undefined;
  const evidence = useEvidence(currentId);
  const registry = useLegalRegistry();
  const analyse = useAnalyse();
  const decide = useDecide();
  const plan = usePlanApproval();
  const audit = useAuditVerify();
  const [bulk, setBulk] = useState<ApprovalItem[] | null>(null);
  const [draft, setDraft] = useState<DecisionDraft>({ access: null, basis: '', note: '' });
  const [draftFor, setDraftFor] = useState<number | null>(null);
  const [pageChoice, setPageChoice] = useState<{ doc: number; page: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const queueRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<DecisionFormHandle>(null);

  // A new document: the draft starts from its decision or its suggestion, on its first evidence page.
  if (detail && draftFor !== detail.id) {
    setDraftFor(detail.id);
    setDraft(draftOf(detail));
  }
  const resetDecision = decide.reset;
  useEffect(() => resetDecision(), [draftFor, resetDecision]);
  // The page shown: the one the reviewer turned to, else the first with evidence.
  const page =
    pageChoice && pageChoice.doc === currentId
      ? pageChoice.page
      : evidence.data && currentId !== null && evidence.isSuccess
        ? (evidence.data.findings[0]?.page ?? 1)
        : 1;

  const move = (step: number) => {
    if (items.length === 0) return;
    const at = current ? items.findIndex((i) => i.id === current.id) : -1;
    const next = items[Math.min(items.length - 1, Math.max(0, at + step))]!;
    setSelected(next.id);
    setMessage(null);
  };

  // A changed draft clears the last refusal (it was about the previous draft).
  const changeDraft = (update: (d: DecisionDraft) => DecisionDraft) => {
    if (decide.error) decide.reset();
    setDraft(update);
  };
  const choose = (access: AccessClass) =>
    changeDraft((d) => ({ ...d, access, basis: basisFor(access, d.basis, detail, registry.data) }));

  const approve = () => {
    if (!detail || !draft.access || !draft.basis || decide.isPending) return;
    const title = current?.title ?? detail.fileName;
    decide.mutate(
      {
        id: detail.id,
        access: draft.access,
        basis: draft.basis,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      },
      {
        onSuccess: () => {
          move(1);
          setMessage(t('review.approved', { title }));
          queueRef.current?.focus();
        },
        onError: () => formRef.current?.focusNote(),
      },
    );
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target.closest('dialog')) return;
    if (isEditable(target)) {
      if (e.key === 'Escape') {
        e.preventDefault();
        queueRef.current?.focus();
      }
      return; // typing in a field; Enter in the note submits the form itself
    }
    if ((target.tagName === 'BUTTON' || target.tagName === 'A') && (e.key === 'Enter' || e.key === ' '))
      return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (key === 'j' || key === 'ArrowDown') move(1);
    else if (key === 'k' || key === 'ArrowUp') move(-1);
    else if (CLASS_BY_KEY[key]) choose(CLASS_BY_KEY[key]);
    else if (key === 'b') formRef.current?.focusBasis();
    else if (key === 'n') formRef.current?.focusNote();
    else if (key === 'Enter') approve();
    else return;
    e.preventDefault();
    if (key === 'j' || key === 'k' || key === 'ArrowDown' || key === 'ArrowUp') queueRef.current?.focus();
  };

  const setFilter = <K extends keyof Filters>(key: K, value: Filters[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined) delete next[key];
    else next[key] = value;
    setFilters(next);
    setSelected(null);
  };
  const approvalFilter = {
    ...(filters.suggested && filters.suggested !== 'none' ? { access: filters.suggested } : {}),
    ...(filters.docType ? { docType: filters.docType } : {}),
  };
  const error = (e: unknown) => errorText(e as { code: string; message: string }, i18n.language);

  return (
    // The screen listens for the review keys wherever focus is inside it (fields excepted).
    <div className="screen review-screen" onKeyDown={onKeyDown}>
      <PageHeader
        title={t('review.title')}
        subtitle={t('review.subtitle')}
        actions={
          <>
            <Button
              onClick={() =>
                analyse.mutate(undefined, {
                  onSuccess: (r) =>
                    setMessage(t('review.analysed', { count: r.analysed, failed: r.failed.length })),
                })
              }
              disabled={analyse.isPending}
            >
              {analyse.isPending ? t('review.analysing') : t('review.analyse')}
            </Button>
            <Button
              variant="primary"
              disabled={plan.isPending || filters.suggested === 'none'}
              onClick={() => plan.mutate(approvalFilter, { onSuccess: (r) => setBulk(r.items) })}
            >
              {t('review.bulk')}
            </Button>
            <Button onClick={() => audit.mutate()} disabled={audit.isPending}>
              {t('review.auditVerify')}
            </Button>
          </>
        }
      />

      <div aria-live="polite" className="review-messages">
        {message ? <Alert tone="success">{message}</Alert> : null}
        {analyse.error ? <Alert tone="error">{error(analyse.error)}</Alert> : null}
        {plan.error ? <Alert tone="error">{error(plan.error)}</Alert> : null}
        {audit.data ? (
          audit.data.ok ? (
            <Alert tone="success">{t('review.auditOk', { count: audit.data.checked })}</Alert>
          ) : (
            <Alert tone="error">
              {t('review.auditBroken', {
                seq: audit.data.firstBroken?.seq,
                reason: audit.data.firstBroken?.reason,
              })}
            </Alert>
          )
        ) : null}
      </div>

      <fieldset className="library-filters review-filters">
        <legend className="visually-hidden">{t('review.filters')}</legend>
        <label>
          <span className="visually-hidden">{t('review.filterSuggested')}</span>
          <select
            className="input"
            value={filters.suggested ?? ''}
            onChange={(e) => setFilter('suggested', (e.target.value || undefined) as Filters['suggested'])}
          >
            <option value="">{t('review.allSuggested')}</option>
            {ACCESS_CLASSES.map((c) => (
              <option key={c} value={c}>
                {t('review.suggestedIs', { access: t(`access.${c}`) })}
              </option>
            ))}
            <option value="none">{t('review.needsReview')}</option>
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('status.all')}</span>
          <select
            className="input"
            value={filters.status ?? ''}
            onChange={(e) => setFilter('status', (e.target.value || undefined) as Filters['status'])}
          >
            <option value="">{t('status.all')}</option>
            {DOCUMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">{t('library.docType')}</span>
          <select
            className="input"
            value={filters.docType ?? ''}
            onChange={(e) => setFilter('docType', e.target.value || undefined)}
          >
            <option value="">{t('library.allTypes')}</option>
            {DOC_TYPES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <span className="review-count">{t('review.count', { count: queue.data?.total ?? 0 })}</span>
      </fieldset>

      <div className="review-layout">
        <div className="review-side">
          <ReviewQueue
            ref={queueRef}
            items={items}
            selected={currentId}
            onSelect={(id) => {
              setSelected(id);
              setMessage(null);
            }}
          />
          <KeyLegend />
        </div>

        {detail ? (
          <div className="review-main">
            <Panel
              title={
                <>
                  <span className="visually-hidden">{t('review.current')} </span>
                  <a href={hrefOf({ name: 'document', id: detail.id, page: 1 })}>
                    {current?.title ?? detail.fileName}
                  </a>
                </>
              }
              actions={
                <>
                  <AccessBadge access={detail.access.decided?.class ?? null} />{' '}
                  <StatusBadge status={detail.status} />
                </>
              }
            >
              <h3 className="review-subtitle">{t('review.suggestion')}</h3>
              {detail.access.suggested ? (
                <>
                  <p>
                    <AccessBadge access={detail.access.suggested.class} />{' '}
                    {detail.access.suggested.class === null ? (
                      t('review.needsReviewExplain')
                    ) : (
                      <span className="mono">{detail.access.suggested.basis}</span>
                    )}
                  </p>
                  {detail.access.suggested.reasons.length > 0 ? (
                    <ul className="review-reasons">
                      {detail.access.suggested.reasons.map((r, i) => (
                        <li key={i}>
                          <span className="review-reason-page">
                            {t('review.reasonPage', { page: r.page })}
                          </span>{' '}
                          {r.text}{' '}
                          <span className="review-rule">
                            ({t(`review.rule.${r.rule.replace(/\./g, '_')}`, { defaultValue: r.rule })})
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : (
                <p>{t('review.noSuggestion')}</p>
              )}
              <HeaderCheck document={detail} editLink />
              <CopiesPanel document={detail} />
              {detail.access.decided ? (
                <p>
                  {t('review.decidedBy', {
                    access: t(`access.${detail.access.decided.class}`),
                    basis: detail.access.decided.basis,
                    reviewer: detail.access.decided.reviewer,
                  })}
                  {detail.access.decided.note ? ` — ${detail.access.decided.note}` : ''}
                </p>
              ) : null}
            </Panel>

            <Panel title={t('review.evidence')}>
              <EvidenceView
                document={detail}
                findings={evidence.data?.findings ?? []}
                page={page}
                onPage={(n) => currentId !== null && setPageChoice({ doc: currentId, page: n })}
              />
            </Panel>
          </div>
        ) : (
          <div className="review-main">
            {queue.isPending || (currentId !== null && doc.isPending) ? (
              <p role="status">{t('common.loading')}</p>
            ) : null}
          </div>
        )}

        {detail ? (
          <div className="review-decide">
            <Panel title={t('review.decision')}>
              <DecisionForm
                ref={formRef}
                draft={draft}
                onChange={(d) => changeDraft(() => d)}
                onSubmit={approve}
                registry={registry.data}
                busy={decide.isPending}
                error={decide.error ? error(decide.error) : null}
                approvedAlready={detail.access.decided?.approved ?? false}
              />
            </Panel>
            <DocumentInfo document={detail} />
          </div>
        ) : null}
      </div>

      {bulk ? (
        <BulkApprovalDialog
          filter={approvalFilter}
          items={bulk}
          onClose={() => setBulk(null)}
          onDone={(count) => setMessage(t('review.bulkDone', { count }))}
        />
      ) : null}
    </div>
  );
}
