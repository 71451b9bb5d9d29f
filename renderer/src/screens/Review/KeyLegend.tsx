import { useTranslation } from 'react-i18next';

const KEYS = [
  { keys: ['J', '↓'], label: 'review.keys.next' },
  { keys: ['K', '↑'], label: 'review.keys.previous' },
  { keys: ['1'], label: 'review.keys.public' },
  { keys: ['2'], label: 'review.keys.conditional' },
  { keys: ['3'], label: 'review.keys.secret' },
  { keys: ['B'], label: 'review.keys.basis' },
  { keys: ['N'], label: 'review.keys.note' },
  { keys: ['Enter'], label: 'review.keys.approve' },
  { keys: ['Esc'], label: 'review.keys.back' },
] as const;

/** The review keys, always on screen. */
export function KeyLegend() {
  const { t } = useTranslation();
  return (
    <section className="key-legend" aria-labelledby="key-legend-title">
      <h2 id="key-legend-title" className="panel-title">
        {t('review.keys.title')}
      </h2>
      <dl>
        {KEYS.map((k) => (
          <div key={k.label}>
            <dt>
              {k.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ' / ' : ''}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(k.label)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
