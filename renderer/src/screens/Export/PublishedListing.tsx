import { useTranslation } from 'react-i18next';
import type { PublishedListing as Listing } from '../../../../shared/contract/catalogue';
import { formatDateVi } from '../../../../shared/text/vietnamese';
import { hrefOf } from '../../app/router';
import { Panel } from '../../components';

/**
 * What each catalogue will list, before the confirm button: the public catalogue by Art. 17
 * group (a link to each document), the conditional one with its access condition (one line, no
 * content). Long lists show their first entries and say how many more there are.
 */
export function PublishedListing({ listing }: { listing: Listing }) {
  const { t } = useTranslation();
  const { public: pub, conditional } = listing;
  return (
    <>
      <Panel title={t('export.listing.publicTitle', { count: pub.total })}>
        {pub.total === 0 ? (
          <p>{t('export.listing.publicEmpty')}</p>
        ) : (
          <>
            <ul className="export-groups">
              {pub.groups.map((g) => (
                <li key={g.label}>
                  <strong>{g.label}</strong> — {g.title}: {t('export.listing.entries', { count: g.count })}
                </li>
              ))}
            </ul>
            <div className="export-scroll" tabIndex={0} role="region" aria-label={t('export.listing.publicTable')}>
              <table className="results-table export-entries">
                <caption className="visually-hidden">{t('export.listing.publicTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('export.listing.no')}</th>
                    <th scope="col">{t('export.listing.name')}</th>
                    <th scope="col">{t('export.listing.issued')}</th>
                    <th scope="col">{t('export.listing.group')}</th>
                    <th scope="col">{t('export.listing.until')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pub.items.map((e, i) => (
                    <tr key={e.id}>
                      <td>{i + 1}</td>
                      <td>
                        <a href={hrefOf({ name: 'document', id: e.id, page: 1 })}>
                          {e.numberNotation ? `${e.numberNotation} — ` : ''}
                          {e.title}
                        </a>
                      </td>
                      <td>{formatDateVi(e.issuedDate) || t('common.none')}</td>
                      <td>{e.group}</td>
                      <td>{e.until ? formatDateVi(e.until) : t('export.listing.noEnd')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pub.total > pub.items.length ? (
              <p className="field-hint">{t('export.listing.more', { count: pub.total - pub.items.length })}</p>
            ) : null}
          </>
        )}
      </Panel>
      <Panel title={t('export.listing.conditionalTitle', { count: conditional.total })}>
        <p className="field-hint">{t('export.listing.conditionalHint')}</p>
        {conditional.total === 0 ? (
          <p>{t('export.listing.conditionalEmpty')}</p>
        ) : (
          <>
            <div className="export-scroll" tabIndex={0} role="region" aria-label={t('export.listing.conditionalTable')}>
              <table className="results-table export-entries">
                <caption className="visually-hidden">{t('export.listing.conditionalTable')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('export.listing.no')}</th>
                    <th scope="col">{t('export.listing.infoName')}</th>
                    <th scope="col">{t('export.listing.number')}</th>
                    <th scope="col">{t('export.listing.issued')}</th>
                    <th scope="col">{t('export.listing.condition')}</th>
                  </tr>
                </thead>
                <tbody>
                  {conditional.items.map((e, i) => (
                    <tr key={i}>
                      <td>{i + 1}</td>
                      <td>{e.title}</td>
                      <td>{e.numberNotation ?? t('common.none')}</td>
                      <td>{formatDateVi(e.issuedDate) || t('common.none')}</td>
                      <td>{e.condition}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {conditional.total > conditional.items.length ? (
              <p className="field-hint">
                {t('export.listing.more', { count: conditional.total - conditional.items.length })}
              </p>
            ) : null}
          </>
        )}
      </Panel>
    </>
  );
}
