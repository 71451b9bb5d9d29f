import { useTranslation } from 'react-i18next';

/** Every review key (useReviewKeys.ts) and what it does. */
const KEYS = [
  { keys: ['J', '↓'], label: 'review.keys.next' },
  { keys: ['K', '↑'], label: 'review.keys.previous' },
  { keys: ['T'], label: 'review.keys.nextNeedingMe' },
  { keys: ['1'], label: 'review.keys.public' },
  { keys: ['2'], label: 'review.keys.conditional' },
  { keys: ['3'], label: 'review.keys.secret' },
  { keys: ['4'], label: 'review.keys.partial' },
  { keys: ['D'], label: 'review.keys.draw' },
  { keys: ['B'], label: 'review.keys.basis' },
  { keys: ['N'], label: 'review.keys.note' },
  { keys: ['Enter'], label: 'review.keys.approve' },
  { keys: ['U', 'Ctrl+Z'], label: 'review.keys.undo' },
  { keys: ['G'], label: 'review.keys.group' },
  { keys: ['+', '−', '0'], label: 'review.keys.zoom' },
  { keys: ['[', ']'], label: 'review.keys.page' },
  { keys: ['Esc'], label: 'review.keys.back' },
  { keys: ['?'], label: 'review.keys.help' },
] as const;

/** The review keys, behind a disclosure the "?" key opens and closes. */
export function KeyLegend({ open, onToggle }: { open: boolean; onToggle: (open: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <details
      className="key-legend"
      open={open}
      onToggle={(e) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now !== open) onToggle(now);
      }}
    >
      <summary className="key-legend-summary">
        {t('review.keys.title')} <kbd>?</kbd>
      </summary>
      <dl>
        {KEYS.map((k) => (
          <div key={k.label}>
            <dt>
              {k.keys.map((key, i) => (
                <span key={key}>
                  {i > 0 ? ' ' : ''}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </dt>
            <dd>{t(k.label)}</dd>
          </div>
        ))}
      </dl>
      <p className="key-legend-note">{t('review.keys.note2')}</p>
    </details>
  );
}
