import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { ClusterGroups } from './cluster-cards'
import { useClusters } from './use-clusters'

export function ClustersPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('nav.clusters'))
  const clusters = useClusters()
  return (
    <div className="page">
      <h1>{t('clusters.title')}</h1>
      <p className="page-lead">{t('clusters.lead')}</p>
      {clusters.error && <ErrorMessage error={clusters.error} />}
      {clusters.loading && <Loading />}
      {clusters.data && <ClusterGroups clusters={clusters.data.items} />}
    </div>
  )
}
