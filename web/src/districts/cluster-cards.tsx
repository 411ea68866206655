import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatNumber } from '../platform/format'
import { localized, useLanguage } from '../platform/use-language'
import { groupClusters } from './groups'
import type { ClusterSummary } from './types'

export function ClusterCard({ cluster }: { cluster: ClusterSummary }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <li className="card card--link" data-testid="cluster-card" data-slug={cluster.slug}>
      <p className="card__kicker">{cluster.shortName}</p>
      <h3 className="card__title">
        <Link to={`/clusters/${cluster.slug}`}>{localized(language, cluster.nameIt, cluster.nameEn)}</Link>
      </h3>
      <p className="card__text">{localized(language, cluster.sectorIt, cluster.sectorEn)}</p>
      <p className="card__meta">
        <span>{t('cluster.memberCount', { count: cluster.memberCount, formatted: formatNumber(language, cluster.memberCount) })}</span>
        {cluster.fundedByRegion && <span className="badge">{t('cluster.fundedByRegionBadge')}</span>}
      </p>
    </li>
  )
}

export function ClusterGroups({ clusters }: { clusters: ClusterSummary[] }): ReactElement {
  const { t } = useTranslation()
  return (
    <>
      {groupClusters(clusters).map(({ group, clusters: members }) => (
        <section key={group} className="cluster-group" aria-labelledby={`group-${group}`} data-testid={`cluster-group-${group}`}>
          <h2 id={`group-${group}`}>{t(`cluster.group.${group}.title`)}</h2>
          <p className="section-lead">{t(`cluster.group.${group}.lead`)}</p>
          <ul className="card-grid">
            {members.map((cluster) => (
              <ClusterCard key={cluster.id} cluster={cluster} />
            ))}
          </ul>
        </section>
      ))}
    </>
  )
}
