import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTICE_KINDS, type AnswerInput, type RequestDetail } from '../../../../shared/contract/requests';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { useApi } from '../../api/ApiContext';
import { saveDownload, useRequest, useRequestAction } from '../../api/requestQueries';
import { Alert, Badge, Button, Field, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import './requests.css';

type Apiish = { code: string; message: string };
const OPEN = new Set(['received', 'in_progress']);

/** One request: what was asked and by whom, the due date, the linked documents with whether each
 *  may be provided (the consent rule), the answer, the notices and the files provided. */
export function RequestScreen({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const request = useRequest(id);
  const r = request.data;
  return (
    <div className="screen">
      <PageHeader
        title={t('requests.detailTitle', { id })}
        subtitle={r ? r.subject : undefined}
        actions={<a href="#/requests">{t('requests.back')}</a>}
      />
      {request.error ? (
        <Alert tone="error">{errorText(request.error as unknown as Apiish, i18n.language)}</Alert>
      ) : null}
      {r ? (
        <>
          <Summary r={r} />
          <Documents r={r} />
          {OPEN.has(r.status) ? <Progress r={r} /> : null}
          {OPEN.has(r.status) ? <Answer r={r} /> : null}
          <Notices r={r} />
          <Panel title={t('requests.history')}>
            <ol>
              {r.history.map((h) => (
                <li key={h.seq}>
                  {formatDateVi(h.at)} — {t(`requests.actions.${h.action}`, { defaultValue: h.action })} (
                  {h.actor})
                </li>
              ))}
            </ol>
          </Panel>
        </>
      ) : null}
    </div>
  );
}

function Summary({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const tone =
    r.dueState === 'overdue'
      ? 'danger'
      : r.dueState === 'near'
        ? 'warning'
        : r.dueState === 'closed'
          ? 'success'
          : 'neutral';
  return (
    <Panel title={t('requests.summary')}>
      <dl className="request-summary">
        <dt>{t('requests.received')}</dt>
        <dd>
          {formatDateVi(r.receivedDate)} — {t(`requests.channels.${r.channel}`)}
        </dd>
        <dt>{t('requests.requester')}</dt>
        <dd>
          {r.requesterName} (
          {t(r.requesterKind === 'organisation' ? 'requests.organisation' : 'requests.citizen')})
          {r.requesterContact ? ` — ${r.requesterContact}` : ''}
        </dd>
        <dt>{t('requests.status')}</dt>
        <dd data-testid="request-status">{t(`requests.statuses.${r.status}`)}</dd>
        <dt>{t('requests.due')}</dt>
        <dd>
          <span data-testid="due-date">{formatDateVi(r.dueDate)}</span>{' '}
          <Badge tone={tone}>
            {t(`requests.dueStates.${r.dueState}`, { count: r.workingDaysLeft ?? 0 })}
          </Badge>
          {r.extended ? ` — ${t('requests.extended')}` : ''}
        </dd>
        <dt>{t('requests.law')}</dt>
        <dd>
          {r.lawTitle}; {r.limitCitation}
        </dd>
        {r.answeredDate ? (
          <>
            <dt>{t('requests.answered')}</dt>
            <dd>
              {formatDateVi(r.answeredDate)} —{' '}
              {r.answeredDate <= r.dueDate ? t('requests.onTime') : t('requests.late')}
              {r.outcomeBases.length > 0
                ? `; ${r.outcomeBases.map((b) => `${b.titleVi} (${b.citation})`).join('; ')}`
                : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </Panel>
  );
}

function Documents({ r }: { r: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const update = useRequestAction('requests:update');
  const [docId, setDocId] = useState('');
  const [error, setError] = useState<Apiish | null>(null);
  const download = (documentId: number) => {
    setError(null);
    api
      .call('requests:providedFile', { id: r.id, documentId })
      .then(saveDownload, (e: Apiish) => setError(e));
  };
  return (
    <Panel title={t('requests.documents')}>
      <ul className="request-docs">
        {r.documents.map((d) => (
          <li key={d.id} data-testid={`request-doc-${d.id}`}>
            <a href={`#/documents/${d.id}`}>{[d.numberNotation, d.title].filter(Boolean).join(' — ')}</a>{' '}
            {d.access ? (
              <Badge
                tone={d.access === 'public' ? 'success' : d.access === 'conditional' ? 'warning' : 'danger'}
              >
                {t(`access.${d.access}`)}
              </Badge>
            ) : null}{' '}
            {d.provided ? (
              <Button size="sm" onClick={() => download(d.id)}>
                {t('requests.downloadProvided')}
              </Button>
            ) : (
              <span>{d.check.providable ? t('requests.providable') : t('requests.notProvidable')}</span>
            )}
            {d.check.reason ? <p className="field-hint">{d.check.reason}</p> : null}
            {!d.check.providable && d.access === 'conditional' ? (
              <a href="#/consents">{t('requests.recordConsent')}</a>
            ) : null}
          </li>
        ))}
      </ul>
      {OPEN.has(r.status) ? (
        <form
          className="request-actions"
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(docId);
            if (Number.isInteger(n) && n > 0)
              update.mutate({ id: r.id, linkDocumentIds: [n] }, { onSuccess: () => setDocId('') });
          }}
        >
          <Field label={t('requests.linkDocument')}>
            {(p) => (
              <input
                {...p}
                className="input"
                inputMode="numeric"
                value={docId}
                onChange={(e) => setDocId(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit">{t('requests.link')}</Button>
        </form>
      ) : null}
      {update.error ? (
        <Alert tone="error">{errorText(update.error as unknown as Apiish, i18n.language)}</Alert>
      ) : null}
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
    </Panel>
  );
}

function Progress({ r }: { r: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const update = useRequestAction('requests:update');
  const extend = useRequestAction('requests:extend');
  const withdraw = useRequestAction('requests:withdraw');
  const [reason, setReason] = useState('');
  const error = (update.error ?? extend.error ?? withdraw.error) as Apiish | null;
  return (
    <Panel title={t('requests.progress')}>
      <div className="request-actions">
        {r.status === 'received' ? (
          <Button onClick={() => update.mutate({ id: r.id, status: 'in_progress' })}>
            {t('requests.startWork')}
          </Button>
        ) : null}
        <Button variant="danger" onClick={() => withdraw.mutate({ id: r.id })}>
          {t('requests.withdraw')}
        </Button>
      </div>
      {!r.extended ? (
        <form
          className="request-actions"
          onSubmit={(e) => {
            e.preventDefault();
            extend.mutate({ id: r.id, reason });
          }}
        >
          <Field label={t('requests.extensionReason')}>
            {(p) => (
              <input
                {...p}
                className="input"
                required
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit">{t('requests.extend')}</Button>
        </form>
      ) : null}
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
    </Panel>
  );
}

function Answer({ r }: { r: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const answer = useRequestAction('requests:answer');
  const [outcome, setOutcome] = useState<AnswerInput['outcome']>('provided');
  const [bases, setBases] = useState<string[]>([]);
  const [docs, setDocs] = useState<number[]>([]);
  const [copy, setCopy] = useState('');
  const [note, setNote] = useState('');
  const toggle = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const fee = Number(copy);
  return (
    <Panel title={t('requests.answer')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          answer.mutate({
            id: r.id,
            outcome,
            bases,
            documentIds: outcome === 'refused' ? [] : docs,
            fees: fee > 0 ? [{ kind: 'copy', amount: Math.round(fee) }] : [],
            ...(note.trim() ? { note } : {}),
          });
        }}
      >
        <Field label={t('requests.outcome')}>
          {(p) => (
            <select
              {...p}
              className="input"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as AnswerInput['outcome'])}
            >
              <option value="provided">{t('requests.outcomes.provided')}</option>
              <option value="partly">{t('requests.outcomes.partly')}</option>
              <option value="refused">{t('requests.outcomes.refused')}</option>
            </select>
          )}
        </Field>
        {outcome !== 'refused' ? (
          <fieldset>
            <legend>{t('requests.provideDocuments')}</legend>
            {r.documents.map((d) => (
              <label key={d.id} className="checkbox">
                <input
                  type="checkbox"
                  checked={docs.includes(d.id)}
                  onChange={() => setDocs(toggle(docs, d.id))}
                />{' '}
                #{d.id} {d.title}
              </label>
            ))}
          </fieldset>
        ) : null}
        {outcome !== 'provided' ? (
          <fieldset>
            <legend>{t('requests.refusalBases')}</legend>
            {r.refusalBases.map((b) => (
              <label key={b.code} className="checkbox">
                <input
                  type="checkbox"
                  checked={bases.includes(b.code)}
                  onChange={() => setBases(toggle(bases, b.code))}
                />{' '}
                {b.titleVi} ({b.citation})
              </label>
            ))}
          </fieldset>
        ) : null}
        <Field label={t('requests.copyCost')} hint={t('requests.feeHint')}>
          {(p) => (
            <input
              {...p}
              className="input"
              inputMode="numeric"
              value={copy}
              onChange={(e) => setCopy(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('requests.note')}>
          {(p) => <textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
        <Button variant="primary" type="submit" disabled={answer.isPending}>
          {t('requests.recordAnswer')}
        </Button>
      </form>
      {answer.error ? (
        <Alert tone="error">{errorText(answer.error as unknown as Apiish, i18n.language)}</Alert>
      ) : null}
    </Panel>
  );
}

function Notices({ r }: { r: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [error, setError] = useState<Apiish | null>(null);
  const make = (kind: (typeof NOTICE_KINDS)[number], format: 'pdf' | 'docx') => {
    setError(null);
    api.call('requests:notice', { id: r.id, kind, format }).then(saveDownload, (e: Apiish) => setError(e));
  };
  const available = NOTICE_KINDS.filter(
    (k) =>
      k === 'acceptance' ||
      (k === 'extension' && r.extended) ||
      (k === 'refusal' && (r.status === 'refused' || r.status === 'partly_answered')) ||
      (k === 'provision' && (r.status === 'answered' || r.status === 'partly_answered')),
  );
  return (
    <Panel title={t('requests.notices')}>
      <ul>
        {available.map((k) => (
          <li key={k}>
            {t(`requests.noticeKinds.${k}`)}{' '}
            <Button size="sm" onClick={() => make(k, 'pdf')}>
              PDF
            </Button>{' '}
            <Button size="sm" onClick={() => make(k, 'docx')}>
              DOCX
            </Button>
          </li>
        ))}
      </ul>
      {r.notices.length > 0 ? (
        <p className="field-hint">{t('requests.noticesMade', { count: r.notices.length })}</p>
      ) : null}
      {error ? <Alert tone="error">{errorText(error, i18n.language)}</Alert> : null}
    </Panel>
  );
}
