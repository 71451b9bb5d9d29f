import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REQUEST_CHANNELS, type RequestSummary } from '../../../../shared/contract/requests';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { useRequestAction, useRequests } from '../../api/requestQueries';
import { navigate } from '../../app/router';
import { Alert, Badge, Button, PageHeader, Panel, type BadgeTone } from '../../components';
import { errorText } from '../../i18n/index';
import { SelectField, TextAreaField, TextField } from './boundFields';
import './requests.css';

type Apiish = { code: string; message: string };
const DUE_TONE: Record<RequestSummary['dueState'], BadgeTone> = {
  ok: 'neutral',
  near: 'warning',
  overdue: 'danger',
  closed: 'success',
};

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The register: every request with its due date (near and past due highlighted) and the form
 *  to register a new one. Requester names are shown here only (staff screen). */
export function RequestsScreen() {
  const { t, i18n } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'attention'>('all');
  const list = useRequests(filter === 'attention' ? { due: 'attention' } : {});
  const add = useRequestAction('requests:add');
  const [form, setForm] = useState({
    receivedDate: localToday(),
    channel: 'in-person',
    requesterName: '',
    requesterKind: 'citizen',
    requesterContact: '',
    subject: '',
    complex: false,
  });

  const bind = { form, setForm };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        receivedDate: form.receivedDate,
        channel: form.channel as RequestSummary['channel'],
        requesterKind: form.requesterKind as 'citizen' | 'organisation',
        requesterName: form.requesterName,
        ...(form.requesterContact.trim() ? { requesterContact: form.requesterContact } : {}),
        subject: form.subject,
        complex: form.complex,
      },
      { onSuccess: (r) => navigate({ name: 'request', id: r.id }) },
    );
  };
  const counts = list.data?.counts;

  return (
    <div className="screen">
      <PageHeader
        title={t('requests.title')}
        subtitle={t('requests.subtitle')}
        actions={
          <>
            <a className="btn btn-secondary" href="#/consents">
              {t('requests.consentsLink')}
            </a>
            <a className="btn btn-secondary" href="#/statistics">
              {t('requests.statsLink')}
            </a>
          </>
        }
      />
      {counts ? (
        <p role="status" className="requests-counts">
          {t('requests.counts', { open: counts.open, near: counts.near, overdue: counts.overdue })}
        </p>
      ) : null}
      <Panel title={t('requests.newTitle')}>
        <form className="request-form" onSubmit={submit}>
          <TextField
            {...bind}
            name="receivedDate"
            type="date"
            label={t('requests.received')}
            max={localToday()}
            required
          />
          <SelectField
            {...bind}
            name="channel"
            label={t('requests.channel')}
            options={REQUEST_CHANNELS.map((c) => ({ value: c, label: t(`requests.channels.${c}`) }))}
          />
          <SelectField
            {...bind}
            name="requesterKind"
            label={t('requests.requesterKind')}
            options={[
              { value: 'citizen', label: t('requests.citizen') },
              { value: 'organisation', label: t('requests.organisation') },
            ]}
          />
          <TextField
            {...bind}
            name="requesterName"
            label={t('requests.requester')}
            hint={t('requests.personalHint')}
            required
          />
          <TextField {...bind} name="requesterContact" label={t('requests.contact')} />
          <TextAreaField
            {...bind}
            name="subject"
            label={t('requests.subject')}
            className="request-form-wide"
            required
          />
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.complex}
              onChange={(e) => setForm({ ...form, complex: e.target.checked })}
            />{' '}
            {t('requests.complex')}
          </label>
          <div>
            <Button variant="primary" type="submit" disabled={add.isPending}>
              {t('requests.register')}
            </Button>
          </div>
        </form>
        {add.error ? (
          <Alert tone="error">{errorText(add.error as unknown as Apiish, i18n.language)}</Alert>
        ) : null}
      </Panel>
      <Panel
        title={t('requests.registerTitle')}
        actions={
          <select
            aria-label={t('requests.filter')}
            className="input"
            value={filter}
            onChange={(e) => setFilter(e.target.value as 'all' | 'attention')}
          >
            <option value="all">{t('requests.filterAll')}</option>
            <option value="attention">{t('requests.filterAttention')}</option>
          </select>
        }
      >
        {list.error ? (
          <Alert tone="error">{errorText(list.error as unknown as Apiish, i18n.language)}</Alert>
        ) : null}
        {list.data && list.data.items.length === 0 ? <p>{t('requests.empty')}</p> : null}
        {list.data && list.data.items.length > 0 ? (
          <table className="results-table requests-table">
            <thead>
              <tr>
                <th scope="col">{t('requests.number')}</th>
                <th scope="col">{t('requests.received')}</th>
                <th scope="col">{t('requests.requester')}</th>
                <th scope="col">{t('requests.subject')}</th>
                <th scope="col">{t('requests.status')}</th>
                <th scope="col">{t('requests.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((r) => (
                <tr key={r.id} className={`due-${r.dueState}`} data-due={r.dueState}>
                  <td>
                    <a href={`#/requests/${r.id}`}>{r.id}</a>
                  </td>
                  <td>{formatDateVi(r.receivedDate)}</td>
                  <td>{r.requesterName}</td>
                  <td>{r.subject}</td>
                  <td>{t(`requests.statuses.${r.status}`)}</td>
                  <td>
                    {formatDateVi(r.dueDate)}{' '}
                    <Badge tone={DUE_TONE[r.dueState]}>
                      {t(`requests.dueStates.${r.dueState}`, { count: r.workingDaysLeft ?? 0 })}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Panel>
    </div>
  );
}
