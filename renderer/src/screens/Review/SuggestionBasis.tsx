import { useTranslation } from 'react-i18next';
import type { LegalRegistryView } from '../../../../shared/contract/review';
import type { AccessInfo } from '../../../../shared/contract/schemas';

/** Who proposed the suggestion (the law's rules or the agency's past decisions) and which law its
 *  basis belongs to — saying plainly when that law's article numbers await confirmation. */
export function SuggestionBasis({
  suggested,
  registry,
}: {
  suggested: NonNullable<AccessInfo['suggested']>;
  registry: LegalRegistryView | undefined;
}) {
  const { t } = useTranslation();
  if (suggested.class === null) return null;
  const entry = registry?.versions.flatMap((v) => v.entries).find((e) => e.id === suggested.basis);
  return (
    <>
      <p className="review-source">
        {suggested.source === 'model'
          ? t('review.byModel', { percent: Math.round((suggested.confidence ?? 0) * 100) })
          : t('review.byRules')}
      </p>
      {entry ? (
        <p className="review-law">
          {t('review.basisLaw', { citation: entry.citation, law: entry.lawLabel ?? '' })}
          {entry.verified ? null : <> {t('review.unverifiedLaw')}</>}
        </p>
      ) : null}
    </>
  );
}
