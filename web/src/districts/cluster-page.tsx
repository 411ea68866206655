import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { ClusterEditForm } from './cluster-edit-form'
import { ClusterMembers } from './cluster-members'
import type { ClusterDetail, ClusterRef } from './types'

export function ClusterPage(): ReactElement {
  const { slug = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const { data, error, loading, reload, replace } = useApi<{ cluster: ClusterDetail }>(`/api/clusters/${encodeURIComponent(slug)}`)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState(false)
  const cluster = data?.cluster
  useDocumentTitle(cluster ? localized(language, cluster.nameIt, cluster.nameEn) : undefined)

  if (error) return <ErrorMessage error={error} />
  if (!cluster) return loading ? <Loading /> : <></>
  const onSaved = (updated: ClusterDetail): void => {
    replace({ cluster: updated })
    setEditing(false)
    setSaved(true)
  }
  return (
    <article className="page" data-testid="cluster-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/clusters">{t('nav.clusters')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker">{t(`cluster.kind.${cluster.kind}`)}</p>
          <h1 data-testid="cluster-name">{localized(language, cluster.nameIt, cluster.nameEn)}</h1>
          {cluster.nameIt !== cluster.nameEn && (
            <p className="page-subtitle" lang={language === 'it' ? 'en' : 'it'}>
              {language === 'it' ? cluster.nameEn : cluster.nameIt}
            </p>
          )}
        </div>
        {cluster.canEdit && !editing && (
          <button type="button" className="button" data-testid="edit-cluster" onClick={() => { setSaved(false); setEditing(true) }}>
            {t('common.edit')}
          </button>
        )}
      </header>
      {saved && (
        <Notice tone="success" testId="saved">
          <p>{t('common.saved')}</p>
        </Notice>
      )}
      {editing ? (
        <ClusterEditForm cluster={cluster} onSaved={onSaved} onCancel={() => setEditing(false)} />
      ) : (
        <ClusterFacts cluster={cluster} />
      )}
      <ClusterMembers cluster={cluster} onChanged={reload} />
    </article>
  )
}

function ClusterFacts({ cluster }: { cluster: ClusterDetail }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const description = localized(language, cluster.descriptionIt, cluster.descriptionEn)
  return (
    <div className="two-columns">
      <section aria-labelledby="cluster-about">
        <h2 id="cluster-about">{t('cluster.about')}</h2>
        {description ? <p className="prose" data-testid="cluster-description">{description}</p> : <p className="muted">{t('cluster.noDescription')}</p>}
        <h3>{t('cluster.priorities')}</h3>
        {cluster.priorityCodes.length > 0 ? (
          <TaxonomyLabels codes={cluster.priorityCodes} testId="cluster-priorities" />
        ) : (
          <p className="muted">{t('cluster.noPriorities')}</p>
        )}
        <Relations title={t('cluster.parents')} clusters={cluster.parents} />
        <Relations title={t('cluster.children')} clusters={cluster.children} />
      </section>
      <aside className="facts" aria-labelledby="cluster-facts">
        <h2 id="cluster-facts">{t('cluster.facts')}</h2>
        <dl>
          <dt>{t('cluster.shortName')}</dt>
          <dd>{cluster.shortName}</dd>
          <dt>{t('cluster.sector')}</dt>
          <dd>{localized(language, cluster.sectorIt, cluster.sectorEn)}</dd>
          <dt>{t('cluster.managingEntity')}</dt>
          <dd data-testid="managing-entity">{cluster.managingEntity ?? <span className="muted">{t('cluster.notStated')}</span>}</dd>
          <dt>{t('cluster.fundedByRegion')}</dt>
          <dd>{cluster.fundedByRegion ? t('common.yes') : t('common.no')}</dd>
          {cluster.foundedYear !== null && (
            <>
              <dt>{t('cluster.foundedYear')}</dt>
              <dd>{cluster.foundedYear}</dd>
            </>
          )}
          <dt>{t('cluster.website')}</dt>
          <dd>
            {cluster.website ? (
              <a href={cluster.website} rel="noopener noreferrer" target="_blank">
                {cluster.website}
              </a>
            ) : (
              <span className="muted">{t('cluster.notStated')}</span>
            )}
          </dd>
        </dl>
        <p>
          <Link to={`/directory?cluster=${encodeURIComponent(cluster.slug)}`}>{t('cluster.searchMembers')}</Link>
        </p>
      </aside>
    </div>
  )
}

function Relations({ title, clusters }: { title: string; clusters: ClusterRef[] }): ReactElement | null {
  const language = useLanguage()
  const { t } = useTranslation()
  if (clusters.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul className="link-list">
        {clusters.map((cluster) => (
          <li key={cluster.slug}>
            <Link to={`/clusters/${cluster.slug}`}>{localized(language, cluster.nameIt, cluster.nameEn)}</Link>{' '}
            <span className="muted">({t(`cluster.kind.${cluster.kind}`)})</span>
          </li>
        ))}
      </ul>
    </>
  )
}
