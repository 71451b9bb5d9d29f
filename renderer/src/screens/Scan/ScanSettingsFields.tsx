import { useTranslation } from 'react-i18next';
import { COLOUR_MODES, PAGE_SIZES, SCAN_SOURCES, SPLIT_MODES, type ScanDevice, type ScanSettings } from '../../../../shared/contract/scanning';
import { Field } from '../../components';

export const DPI_CHOICES = [150, 200, 300, 400, 600];

/** The scan settings form, shared by the Scan screen and the profile editor in Settings. */
export function ScanSettingsFields({
  value,
  onChange,
  devices,
  idPrefix,
}: {
  value: ScanSettings;
  onChange: (next: ScanSettings) => void;
  devices: ScanDevice[];
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const set = <K extends keyof ScanSettings>(key: K, v: ScanSettings[K]) => onChange({ ...value, [key]: v });
  return (
    <div className="scan-fields">
      <Field label={t('scan.device')} hint={t('scan.deviceHint')}>
        {(control) => (
          <>
            <input
              {...control}
              className="input"
              type="text"
              list={`${idPrefix}-devices`}
              value={value.device ?? ''}
              onChange={(e) => set('device', e.target.value.trim() === '' ? null : e.target.value)}
            />
            <datalist id={`${idPrefix}-devices`}>
              {devices.map((d) => (
                <option key={d.id} value={d.id}>{`${d.vendor} ${d.model}`}</option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label={t('scan.source')}>
        {(control) => (
          <select {...control} className="input" value={value.source} onChange={(e) => set('source', e.target.value as ScanSettings['source'])}>
            {SCAN_SOURCES.map((s) => (
              <option key={s} value={s}>{t(`scan.source_${s}`)}</option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={value.duplex} disabled={value.source !== 'adf'} onChange={(e) => set('duplex', e.target.checked)} />
        {t('scan.duplex')}
      </label>
      <Field label={t('scan.dpi')} hint={t('scan.dpiHint')}>
        {(control) => (
          <select {...control} className="input" value={value.dpi} onChange={(e) => set('dpi', Number(e.target.value))}>
            {[...new Set([...DPI_CHOICES, value.dpi])].sort((a, b) => a - b).map((d) => (
              <option key={d} value={d}>{d}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('scan.colour')}>
        {(control) => (
          <select {...control} className="input" value={value.colour} onChange={(e) => set('colour', e.target.value as ScanSettings['colour'])}>
            {COLOUR_MODES.map((c) => (
              <option key={c} value={c}>{t(`scan.colour_${c}`)}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('scan.pageSize')}>
        {(control) => (
          <select {...control} className="input" value={value.pageSize} onChange={(e) => set('pageSize', e.target.value as ScanSettings['pageSize'])}>
            {PAGE_SIZES.map((p) => (
              <option key={p} value={p}>{t(`scan.pageSize_${p}`)}</option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" checked={value.removeBlank} onChange={(e) => set('removeBlank', e.target.checked)} />
        {t('scan.removeBlank')}
      </label>
      <Field label={t('scan.split')}>
        {(control) => (
          <select {...control} className="input" value={value.split} onChange={(e) => set('split', e.target.value as ScanSettings['split'])}>
            {SPLIT_MODES.map((s) => (
              <option key={s} value={s}>{t(`scan.split_${s}`)}</option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
