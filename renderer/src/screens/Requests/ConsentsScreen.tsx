import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { useApi } from '../../api/ApiContext';
import { useConsents, useRequestAction } from '../../api/requestQueries';
import { Alert, Badge, Button, Field, PageHeader, Panel } from '../../components';
import { errorText } from '../../i18n/index';
import { SelectField, TextAreaField, TextField } from './boundFields';
import './requests.css';

type Apiish = { code: string; message: string };

/** Consents for conditional information (Art. 7): who, for which documents, scope, from when and
 *  until when, with the scanned letter. A conditional document is provided only with one valid. */
export function ConsentsScreen() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const consents = useConsents();
  const add = useRequestAction('consents:add');
  const revoke = useRequestAction('consents:revoke');
  const [form, setForm] = useState({
    documentIds: '',
    personName: '',
    personKind: 'person',
    scope: '',
    givenDate: '',
    validUntil: '',
  });
  const bind = { form, setForm };
  const [scan, setScan] = useState<File | null>(null);
  const [uploadError, setUploadError] = useState<Apiish | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploadError(null);
    let scanInput: { scanUploadId?: string; scanPath?: string; scanName?: string } = {};
    try {
      if (scan && api.transport.upload)
        scanInput = { scanUploadId: await api.transport.upload(scan), scanName: scan.name };
      else if (scan && api.transport.pathsForFiles)
        scanInput = { scanPath: api.transport.pathsForFiles([scan])[0]!, scanName: scan.name };
    } catch (err) {
      setUploadError(err as Apiish);
      return;
    }
    add.mutate({
      documentIds: form.documentIds
        .split(/[,\s]+/)
        .filter(Boolean)
        .map(Number),
      personName: form.personName,
      personKind: form.personKind as 'person' | 'business',
      scope: form.scope,
      givenDate: form.givenDate,
      validUntil: form.validUntil || null,
      ...scanInput,
    });
  };

  return (
    <div className="screen">
      <PageHeader
        title={t('consents.title')}
        subtitle={t('consents.subtitle')}
        actions={<a href="#/requests">{t('requests.back')}</a>}
      />
      <Panel title={t('consents.newTitle')}>
        <form className="request-form" onSubmit={(e) => void submit(e)}>
          <TextField
            {...bind}
            name="documentIds"
            label={t('consents.documents')}
            hint={t('consents.documentsHint')}
            required
          />
          <TextField {...bind} name="personName" label={t('consents.person')} required />
          <SelectField
            {...bind}
            name="personKind"
            label={t('consents.kind')}
            options={[
              { value: 'person', label: t('consents.kinds.person') },
              { value: 'business', label: t('consents.kinds.business') },
            ]}
          />
          <TextField {...bind} name="givenDate" type="date" label={t('consents.given')} required />
          <TextField
            {...bind}
            name="validUntil"
            type="date"
            label={t('consents.until')}
            hint={t('consents.untilHint')}
          />
          <TextAreaField
            {...bind}
            name="scope"
            label={t('consents.scope')}
            className="request-form-wide"
            required
          />
          <Field label={t('consents.scan')}>
            {(p) => (
              <input
                {...p}
                type="file"
                accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff"
                onChange={(e) => setScan(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <div>
            <Button variant="primary" type="submit" disabled={add.isPending}>
              {t('consents.record')}
            </Button>
          </div>
        </form>
        {add.error ? (
          <Alert tone="error">{errorText(add.error as unknown as Apiish, i18n.language)}</Alert>
        ) : null}
        {uploadError ? <Alert tone="error">{errorText(uploadError, i18n.language)}</Alert> : null}
        {add.data ? <Alert tone="success">{t('consents.recorded', { id: add.data.id })}</Alert> : null}
      </Panel>
      <Panel title={t('consents.listTitle')}>
        {consents.data && consents.data.items.length === 0 ? <p>{t('consents.empty')}</p> : null}
        {consents.data && consents.data.items.length > 0 ? (
          <table className="results-table">
            <thead>
              <tr>
                <th scope="col">{t('requests.number')}</th>
                <th scope="col">{t('consents.person')}</th>
                <th scope="col">{t('consents.documents')}</th>
                <th scope="col">{t('consents.scope')}</th>
                <th scope="col">{t('consents.period')}</th>
                <th scope="col">{t('consents.state')}</th>
              </tr>
            </thead>
            <tbody>
              {consents.data.items.map((c) => (
                <tr key={c.id}>
                  <td>{c.id}</td>
                  <td>{c.personName}</td>
                  <td>{c.documents.map((d) => `#${d.id} ${d.title}`).join('; ')}</td>
                  <td>
                    {c.scope}
                    {c.hasScan ? ` (${t('consents.hasScan')})` : ''}
                  </td>
                  <td>
                    {formatDateVi(c.givenDate)} –{' '}
                    {c.validUntil ? formatDateVi(c.validUntil) : t('consents.noEnd')}
                  </td>
                  <td>
                    <Badge tone={c.valid ? 'success' : 'neutral'}>
                      {c.valid
                        ? t('consents.valid')
                        : c.revokedDate
                          ? t('consents.revoked')
                          : t('consents.invalid')}
                    </Badge>{' '}
                    {!c.revokedDate ? (
                      <Button size="sm" onClick={() => revoke.mutate({ id: c.id })}>
                        {t('consents.revoke')}
                      </Button>
                    ) : null}
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
