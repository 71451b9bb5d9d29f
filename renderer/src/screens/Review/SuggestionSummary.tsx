import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../../shared/contract/schemas';
import { AccessBadge } from '../../components';
import { BasisLabel } from './BasisPicker';
import { findOption, type BasisOption } from './basisSearch';

/** What the system suggests and why, and the decision in force — bases shown as the law's words
 *  (article, clause, point, title, law, version), never as registry codes. */
export function SuggestionSummary({ document, options }: { document: DocumentDetail; options: BasisOption[] }) {
  const { t, i18n } = useTranslation();
  const { suggested, decided } = document.access;
  const suggestedBasis = findOption(options, suggested?.basis);
  const decidedBasis = findOption(options, decided?.basis);
  return (
    // Scrolls on a small window: focusable so the keyboard can scroll it too.
    <div className="review-suggestion" tabIndex={0} role="region" aria-label={t('review.suggestion')} data-scroll-keys>
      <h3 className="review-subtitle">{t('review.suggestion')}</h3>
      {suggested ? (
        <>
          <p className="review-suggested">
            <AccessBadge access={suggested.class} />{' '}
            {suggested.class === null ? (
              t('review.needsReviewExplain')
            ) : suggestedBasis ? (
              <BasisLabel option={suggestedBasis} />
            ) : (
              suggested.basis
            )}
          </p>
          {suggested.class !== null ? (
            // Who proposed it: the law's rules, or the agency's own past decisions with a confidence.
            <p className="review-source">
              {suggested.source === 'model'
                ? t('review.byModel', { percent: Math.round((suggested.confidence ?? 0) * 100) })
                : t('review.byRules')}
            </p>
          ) : null}
          {suggested.reasons.length > 0 ? (
            <ul className="review-reasons">
              {suggested.reasons.map((r, i) => (
                <li key={i}>
                  <span className="review-reason-page">{t('review.reasonPage', { page: r.page })}</span> {r.text}{' '}
                  <span className="review-rule">
                    ({r.explanation ?? t(`review.rule.${r.rule.replace(/\./g, '_')}`, { defaultValue: r.rule })})
                  </span>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      ) : (
        <p>{t('review.noSuggestion')}</p>
      )}
      {decided ? (
        <p className="review-decided">
          {t(decided.approved ? 'review.decidedApproved' : 'review.decidedReviewed', {
            access: t(`access.${decided.class}`),
            reviewer: decided.reviewer,
            at: new Date(decided.at).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN'),
          })}{' '}
          {decidedBasis ? <BasisLabel option={decidedBasis} /> : decided.basis}
          {decided.note ? ` — ${decided.note}` : ''}
        </p>
      ) : null}
    </div>
  );
}
