import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../../../shared/contract/review';
import type { AccessClass } from '../../../../shared/domain/access';
import {
  useAnalyse,
  useAuditVerify,
  useDecide,
  useDocument,
  useEvidence,
  useLegalRegistry,
  useNextToReview,
  usePrefetchDocuments,
  usePlanApproval,
  usePublishedTitle,
  useReviewQueue,
  useUndoDecision,
} from '../../api/queries';
import { hrefOf } from '../../app/router';
import { AccessBadge, Alert, Button, PageHeader, Panel, StatusBadge } from '../../components';
import { errorText } from '../../i18n/index';
import { CopiesPanel } from '../Document/CopiesPanel';
import { DocumentInfo } from '../Document/DocumentInfo';
import { basisOptions, findOption } from './basisSearch';
import { HeaderCheck } from '../Document/HeaderCheck';
import { BulkApprovalDialog } from './BulkApprovalDialog';
import { DecisionForm, type DecisionFormHandle } from './DecisionForm';
import {
  approvalBlocker,
  EMPTY_DRAFT,
  initialDraft,
  pickBasis,
  pressClass,
  pressPartial,
  sameDraft,
  type DecisionDraft,
  type DraftContext,
} from './decisionDraft';
import { draftStore } from './draftStore';
import { DEFAULT_ZOOM_INDEX, EvidenceView, ZOOMS } from './EvidenceView';
import { GroupDialog } from './GroupDialog';
import { KeyLegend } from './KeyLegend';
import { PublishedTitleField } from './PublishedTitleField';
import { ReviewFilters, type Filters } from './ReviewFilters';
import { ReviewQueue } from './ReviewQueue';
import { SuggestionSummary } from './SuggestionSummary';
import { useReviewKeys, type ReviewAction } from './useReviewKeys';
import { RedactionPanel } from '../Redaction/RedactionPanel';
import { PageRegions } from '../Redaction/RegionsOverlay';
import { useRedactionTools } from '../Redaction/useRedactionTools';
import './review.css';
import '../Redaction/redaction.css';

const CLASS_OF_ACTION: Partial<Record<ReviewAction, AccessClass>> = { public: 'public', conditional: 'conditional', secret: 'secret' };
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function ReviewScreen() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const queue = useReviewQueue(filters);
  const items = useMemo(() => queue.data?.items ?? [], [queue.data]);
  const [selected, setSelected] = useState<number | null>(null);
  const currentId = selected ?? items[0]?.id ?? null;
  const current = items.find((i) => i.id === currentId) ?? null;
  const doc = useDocument(currentId ?? 0, currentId !== null);
  const detail = currentId !== null && doc.data?.id === currentId ? doc.data : undefined;
  const evidence = useEvidence(currentId);
  const at = items.findIndex((i) => i.id === currentId);
  usePrefetchDocuments([items[at + 1]?.id, items[at + 2]?.id, items[at - 1]?.id].filter((x): x is number => x !== undefined));
  const titleView = usePublishedTitle(currentId);
  const publishedTitle = titleView.data && titleView.data.id === currentId ? titleView.data : undefined;
  const proposedTitle = publishedTitle ? (publishedTitle.approved ?? publishedTitle.proposed) : null;
  const registry = useLegalRegistry();
  const options = useMemo(() => (registry.data ? basisOptions(registry.data, localToday()) : []), [registry.data]);
  const analyse = useAnalyse();
  const decide = useDecide();
  const plan = usePlanApproval();
  const audit = useAuditVerify();
  const undo = useUndoDecision();
  const nextToReview = useNextToReview();
  const [bulk, setBulk] = useState<ApprovalItem[] | null>(null);
  const [grouping, setGrouping] = useState(false);
  const [draft, setDraftState] = useState<DecisionDraft>(EMPTY_DRAFT);
  const [draftFor, setDraftFor] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<ReadonlySet<number>>(() => new Set());
  const [pageChoice, setPageChoice] = useState<{ doc: number; page: number } | null>(null);
  const [zoom, setZoom] = useState(DEFAULT_ZOOM_INDEX);
  const [message, setMessage] = useState<string | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  const queueRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<DecisionFormHandle>(null);
  const textRef = useRef<HTMLElement | null>(null);
  const redaction = useRedactionTools(currentId);
  const regions = redaction.view;

  const ctx: DraftContext = useMemo(
    () => ({
      suggested: detail?.access.suggested ?? null,
      decided: detail?.access.decided ?? null,
      classOf: (id: string) => {
        const o = findOption(options, id);
        return o ? o.accessClass : undefined;
      },
      redaction: regions ? { accepted: regions.summary.accepted, proposed: regions.summary.proposed } : null,
    }),
    [detail, options, regions],
  );
  const initial = useMemo(() => (detail ? initialDraft(ctx) : EMPTY_DRAFT), [detail, ctx]);

  // A new document: its kept draft, else the draft from its decision or suggestion. An untouched
  // draft follows the document when its suggestion or decision changes (after Analyse, an undo).
  const [draftBase, setDraftBase] = useState<DecisionDraft>(EMPTY_DRAFT);
  if (detail && (draftFor !== detail.id || (sameDraft(draft, draftBase) && !sameDraft(draftBase, initial)))) {
    const fresh = draftFor !== detail.id;
    setDraftFor(detail.id);
    setDraftBase(initial);
    setDraftState((fresh ? draftStore.get(detail.id) : undefined) ?? initial);
    if (fresh) decide.reset();
  }
  const setDraft = (next: DecisionDraft) => {
    if (decide.error) decide.reset();
    setDraftState(next);
  };

  const page =
    pageChoice && pageChoice.doc === currentId
      ? pageChoice.page
      : (evidence.data?.findings[0]?.page ?? 1);
  const title = current?.title ?? detail?.fileName ?? '';
  const error = (e: unknown) => {
    const err = e as { code: string; message: string };
    return err.code === 'REASON_REQUIRED' ? t('review.reasonRequired') : errorText(err, i18n.language);
  };
  const focusQueue = () => (queueRef.current ?? document.querySelector<HTMLElement>('h1'))?.focus();

  /** Leaves the current document: an unsaved change is kept as a draft, and the reviewer told. */
  const go = (id: number) => {
    if (id === currentId) return;
    if (detail && draftFor === detail.id) {
      if (!sameDraft(draft, draftBase)) {
        draftStore.set(detail.id, draft);
        setDrafts((s) => new Set(s).add(detail.id));
        setHint(t('review.hint.draftKept', { title }));
      } else draftStore.delete(detail.id);
    }
    setSelected(id);
    setMessage(null);
  };
  // A stable handler for the queue rows (memoised): a selection change re-renders two rows, not 500.
  const goRef = useRef(go);
  useLayoutEffect(() => {
    goRef.current = go;
  });
  const onSelect = useCallback((id: number) => goRef.current(id), []);
  const move = (step: number) => {
    const at = items.findIndex((i) => i.id === currentId);
    const next = items[at + step];
    if (!next) return setHint(t(step > 0 ? 'review.hint.lastInQueue' : 'review.hint.firstInQueue'));
    setHint(null);
    go(next.id);
    focusQueue();
  };

  const approve = () => {
    if (!detail || decide.isPending) return;
    const blocker = approvalBlocker(draft, ctx);
    if (blocker) return setHint(t(`review.hint.${blocker}`));
    const at = items.findIndex((i) => i.id === detail.id);
    const nextId = items[at + 1]?.id ?? null;
    // What the reviewer sees in the published-title field is what is published.
    const shownTitle = (draft.publishedTitle ?? proposedTitle ?? '').trim();
    decide.mutate(
      {
        id: detail.id,
        access: draft.access!,
        basis: draft.basis,
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
        ...(draft.access !== 'secret' && shownTitle ? { publishedTitle: shownTitle } : {}),
        ...(draft.partial && draft.access === 'public' ? { partial: true } : {}),
      },
      {
        onSuccess: () => {
          draftStore.delete(detail.id);
          setDrafts((s) => {
            const n = new Set(s);
            n.delete(detail.id);
            return n;
          });
          setHint(null);
          setMessage(t('review.approved', { title }));
          if (nextId !== null) setSelected(nextId);
          focusQueue();
        },
        onError: () => formRef.current?.focusNote(),
      },
    );
  };

  const act = (action: ReviewAction) => {
    if (!detail && !['next', 'previous', 'nextNeedingMe', 'help', 'undo', 'back'].includes(action)) {
      return setHint(t('review.hint.noDocument'));
    }
    const access = CLASS_OF_ACTION[action];
    if (access) {
      const result = pressClass(draft, access, ctx);
      setDraft(result.draft);
      if (result.pick) {
        setHint(t('review.hint.pickBasis', { access: t(`access.${access}`) }));
        formRef.current?.openPicker();
      } else setHint(null);
      return;
    }
    switch (action) {
      case 'partial': {
        const result = pressPartial(draft, ctx);
        setDraft(result.draft);
        // The regions to decide: proposed from the findings the first time.
        if (regions && regions.regions.length === 0) redaction.propose();
        if (result.pick) {
          setHint(t('review.hint.pickBasis', { access: t('access.partial') }));
          formRef.current?.openPicker();
        } else setHint(t('review.hint.partialChosen'));
        return;
      }
      case 'draw':
        return redaction.setDrawing(!redaction.drawing);
      case 'next':
        return move(1);
      case 'previous':
        return move(-1);
      case 'nextNeedingMe':
        return nextToReview.mutate(
          { ...filters, after: currentId },
          {
            onSuccess: ({ id }) => {
              if (id === null) return setHint(t('review.hint.nothingLeft'));
              if (id === currentId) return setHint(t('review.hint.onlyThisLeft'));
              setHint(null);
              go(id);
              focusQueue();
            },
          },
        );
      case 'basis':
        return formRef.current?.openPicker();
      case 'note':
        return formRef.current?.focusNote();
      case 'approve':
        return approve();
      case 'undo':
        return undo.mutate(undefined, {
          onSuccess: ({ items: undone }) => {
            const first = undone[0]!;
            draftStore.delete(first.documentId);
            setDraftFor(null);
            setSelected(first.documentId);
            setHint(null);
            setMessage(
              t(`review.${first.restored ? 'undoneRestored' : 'undone'}${undone.length > 1 ? 'Group' : ''}`, {
                count: undone.length,
              }),
            );
          },
          onError: (e) => setHint(error(e)),
        });
      case 'group':
        if (approvalBlocker(draft, ctx)) return setHint(t('review.hint.groupNeedsDecision'));
        return setGrouping(true);
      case 'zoomIn':
        return setZoom((z) => Math.min(ZOOMS.length - 1, z + 1));
      case 'zoomOut':
        return setZoom((z) => Math.max(0, z - 1));
      case 'zoomReset':
        return setZoom(DEFAULT_ZOOM_INDEX);
      case 'pagePrevious':
      case 'pageNext': {
        const n = page + (action === 'pageNext' ? 1 : -1);
        if (!detail || n < 1 || n > detail.pages.length) return setHint(t('review.hint.noPage'));
        return setPageChoice({ doc: detail.id, page: n });
      }
      case 'help':
        return setHelp((h) => !h);
      case 'back':
        return focusQueue();
    }
  };
  useReviewKeys(act, (key) => setHint(t('review.hint.unknownKey', { key })));

  const approvalFilter = {
    ...(filters.suggested && filters.suggested !== 'none' ? { access: filters.suggested } : {}),
    ...(filters.docType ? { docType: filters.docType } : {}),
  };
  const chosen = findOption(options, draft.basis);

  return (
    <div className="screen review-screen">
      <PageHeader
        title={t('review.title')}
        actions={
          <>
            <Button
              onClick={() =>
                analyse.mutate(undefined, {
                  onSuccess: (r) => setMessage(t('review.analysed', { count: r.analysed, failed: r.failed.length })),
                })
              }
              disabled={analyse.isPending}
            >
              {analyse.isPending ? t('review.analysing') : t('review.analyse')}
            </Button>
            <Button
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

      <ReviewFilters
        filters={filters}
        total={queue.data?.total ?? 0}
        onChange={(next) => {
          setFilters(next);
          setSelected(null);
        }}
      />

      <div className="review-messages" aria-live="polite">
        {hint ? (
          <p className="review-hint" role="status">
            {hint}
          </p>
        ) : null}
        {message ? <Alert tone="success">{message}</Alert> : null}
        {analyse.error ? <Alert tone="error">{error(analyse.error)}</Alert> : null}
        {plan.error ? <Alert tone="error">{error(plan.error)}</Alert> : null}
        {audit.data ? (
          <Alert tone={audit.data.ok ? 'success' : 'error'}>
            {audit.data.ok
              ? t('review.auditOk', { count: audit.data.checked })
              : t('review.auditBroken', { seq: audit.data.firstBroken?.seq, reason: audit.data.firstBroken?.reason })}
          </Alert>
        ) : null}
      </div>

      <div className="review-layout">
        <div className="review-side">
          <ReviewQueue ref={queueRef} items={items} selected={currentId} drafts={drafts} onSelect={onSelect} />
        </div>

        <div className="review-main">
          {detail ? (
            <>
              <Panel
                className="review-doc"
                title={
                  <>
                    <span className="visually-hidden">{t('review.current')} </span>
                    <a href={hrefOf({ name: 'document', id: detail.id, page: 1 })}>{title}</a>
                  </>
                }
                actions={
                  <>
                    <AccessBadge access={detail.access.decided?.class ?? null} partial={detail.access.decided?.partial ?? false} /> <StatusBadge status={detail.status} />
                  </>
                }
              >
                <SuggestionSummary document={detail} options={options} />
                <HeaderCheck document={detail} editLink />
                <CopiesPanel document={detail} />
              </Panel>
              <Panel className="review-evidence-panel" title={t('review.evidence')}>
                <EvidenceView
                  document={detail}
                  findings={evidence.data?.findings ?? []}
                  page={page}
                  onPage={(n) => setPageChoice({ doc: detail.id, page: n })}
                  zoom={zoom}
                  onZoom={setZoom}
                  textRef={textRef}
                  overlay={<PageRegions tools={redaction} page={page} />}
                />
              </Panel>
            </>
          ) : queue.isPending || (currentId !== null && doc.isPending) ? (
            <p role="status">{t('common.loading')}</p>
          ) : null}
        </div>

        <div className="review-decide">
          {detail ? (
            <Panel title={t('review.decision')}>
              <DecisionForm
                ref={formRef}
                draft={draft}
                options={options}
                onClass={(access) => act(access)}
                onPartial={() => act('partial')}
                onPick={(basis) => {
                  setDraft(pickBasis(draft, basis, ctx));
                  setHint(null);
                }}
                onNote={(note) => setDraft({ ...draft, note })}
                onSubmit={approve}
                onDone={focusQueue}
                busy={decide.isPending}
                error={decide.error ? error(decide.error) : null}
                approvedAlready={detail.access.decided?.approved ?? false}
              >
                <PublishedTitleField
                  access={draft.access}
                  value={draft.publishedTitle}
                  proposed={proposedTitle}
                  maskedCount={
                    publishedTitle && publishedTitle.proposed !== publishedTitle.headerTitle
                      ? (publishedTitle.proposed.match(/\[đã che\]/g)?.length ?? 0)
                      : 0
                  }
                  onChange={(title) => setDraft({ ...draft, publishedTitle: title })}
                  onSubmit={approve}
                />
              </DecisionForm>
              <div className="review-tools">
                <Button size="sm" onClick={() => act('nextNeedingMe')} aria-keyshortcuts="T">
                  {t('review.nextNeedingMe')}
                </Button>
                <Button size="sm" onClick={() => act('group')} aria-keyshortcuts="G">
                  {t('review.groupAction')}
                </Button>
                <Button size="sm" onClick={() => act('undo')} disabled={undo.isPending} aria-keyshortcuts="U Control+Z">
                  {t('review.undo')}
                </Button>
              </div>
            </Panel>
          ) : null}
          {detail && (draft.partial || (regions && regions.regions.length > 0) || redaction.drawing) ? (
            <Panel className="review-redaction" title={t('redaction.title')}>
              <RedactionPanel heading={false} tools={redaction} page={page} textRef={textRef} approvedPartial={(detail.access.decided?.partial && detail.access.decided.approved) ?? false} />
            </Panel>
          ) : null}
          <KeyLegend open={help} onToggle={setHelp} />
          {detail ? <DocumentInfo document={detail} /> : null}
        </div>
      </div>

      {bulk ? (
        <BulkApprovalDialog
          filter={approvalFilter}
          items={bulk}
          options={options}
          onClose={() => setBulk(null)}
          onDone={(count) => setMessage(t('review.bulkDone', { count }))}
        />
      ) : null}
      {grouping && detail && draft.access && chosen ? (
        <GroupDialog
          documentId={detail.id}
          title={title}
          access={draft.access}
          basis={chosen}
          note={draft.note}
          onClose={() => {
            setGrouping(false);
            focusQueue();
          }}
          onDone={(count) => {
            draftStore.delete(detail.id);
            setMessage(t('review.groupDone', { count }));
          }}
        />
      ) : null}
    </div>
  );
}
