import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { useClusters } from '../districts/use-clusters'
import { withQuery } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { SelectField } from '../platform/forms'
import { formatEuros, formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { MarketplaceNav } from './marketplace-nav'
import type { Funnel } from './types'

/**
 * Profile → interest → contact → meeting → agreement → joint project, and the meetings of the districts' brokerage
 * events with their follow-ups, for a district's managers and the Region.
 */
export function FunnelPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const clusters = useClusters()
  const [district, setDistrict] = useState('')
  useDocumentTitle(t('marketplace.funnel.title'))
  const { data, error, loading } = useApi<Funnel>(user ? withQuery('/api/marketplace/funnel', { district }) : null)
  if (!user) return <SignInRequired title={t('marketplace.funnel.title')} />
  const regionWide = user.roles.includes('platform_admin') || user.roles.includes('ma_officer')
  const districts = regionWide ? (clusters.data?.items ?? []) : (clusters.data?.items ?? []).filter((cluster) => user.managedClusters.some((managed) => managed.slug === cluster.slug))
  const percent = (value: number | null): string => (value === null ? '' : new Intl.NumberFormat(language === 'it' ? 'it-IT' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(value))
  return (
    <div className="page">
      <MarketplaceNav />
      <h1>{t('marketplace.funnel.title')}</h1>
      <p className="page-lead">{t('marketplace.funnel.lead')}</p>
      <SelectField
        label={t('marketplace.district')}
        value={district}
        onChange={setDistrict}
        options={districts.map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))}
        emptyLabel={regionWide ? t('marketplace.funnel.allDistricts') : t('marketplace.funnel.myDistricts')}
        testId="funnel-district"
      />
      {error && <ErrorMessage error={error} />}
      {loading && !data && <Loading />}
      {data && (
        <>
          <div className="table-wrapper">
            <StageTable testId="funnel" stages={data.stages.map((stage) => ({ ...stage, label: t(`marketplace.funnel.stages.${stage.stage}`) }))} percent={percent} />
            <p className="muted" data-testid="funnel-summary">
              {t('marketplace.funnel.summary', {
                declined: formatNumber(language, data.declined),
                value: formatEuros(language, data.agreementValueCents),
                funded: formatNumber(language, data.fundedProjects),
              })}
            </p>
          </div>
          <h2>{t('marketplace.funnel.meetingsTitle')}</h2>
          <p className="page-lead">{t('marketplace.funnel.meetingsLead')}</p>
          <div className="table-wrapper">
            <StageTable
              testId="funnel-meetings"
              stages={data.meetings.stages.map((stage) => ({ ...stage, label: t(`marketplace.funnel.meetingStages.${stage.stage}`) }))}
              percent={percent}
            />
            <p className="muted" data-testid="funnel-meetings-summary">
              {t('marketplace.funnel.meetingsSummary', { events: formatNumber(language, data.meetings.events), count: formatNumber(language, data.meetings.noFurtherContact) })}
            </p>
          </div>
        </>
      )}
    </div>
  )
}

/** One funnel as a table: each stage with its count and its share of the previous stage. */
function StageTable(props: {
  testId: string
  stages: { stage: string; label: string; count: number; conversion: number | null }[]
  percent: (value: number | null) => string
}): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <table className="table" data-testid={props.testId}>
      <thead>
        <tr>
          <th scope="col">{t('marketplace.funnel.stage')}</th>
          <th scope="col">{t('marketplace.funnel.count')}</th>
          <th scope="col">{t('marketplace.funnel.conversion')}</th>
        </tr>
      </thead>
      <tbody>
        {props.stages.map((stage, index) => (
          <tr key={stage.stage} data-testid={`${props.testId}-${stage.stage}`} data-count={stage.count}>
            <th scope="row">{stage.label}</th>
            <td>{formatNumber(language, stage.count)}</td>
            {/* After an empty stage there is no share to give: a dash, not "0 %". */}
            <td>{stage.conversion === null && index > 0 ? '—' : props.percent(stage.conversion)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
