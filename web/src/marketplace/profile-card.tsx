import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../platform/format'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import type { ProfileSummary } from './types'

export function KindBadge({ kind }: { kind: ProfileSummary['kind'] }): ReactElement {
  const { t } = useTranslation()
  return <span className={`badge badge--type kind--${kind}`}>{t(`marketplace.kinds.${kind}`)}</span>
}

export function StatusBadge({ status }: { status: ProfileSummary['status'] }): ReactElement {
  const { t } = useTranslation()
  return (
    <span className="badge" data-testid="profile-status" data-status={status}>
      {t(`marketplace.statuses.${status}`)}
    </span>
  )
}

export function ProfileCard({ profile, showStatus = false }: { profile: ProfileSummary; showStatus?: boolean }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <li className="result-card" data-testid="profile-card" data-id={profile.id}>
      <h3 className="result-card__title">
        <Link to={`/marketplace/profiles/${profile.id}`} data-testid="profile-link" lang={profile.language}>
          {profile.title}
        </Link>
      </h3>
      <p className="result-card__meta">
        <KindBadge kind={profile.kind} />
        {showStatus && <StatusBadge status={profile.status} />}
        {profile.trl !== null && <span className="badge">{t('marketplace.trlValue', { trl: profile.trl })}</span>}
        <span className="result-card__place">
          {profile.organisation.name} · {localized(language, profile.district.nameIt, profile.district.nameEn)}
        </span>
      </p>
      {profile.summary && (
        <p className="result-card__description" lang={profile.language}>
          {profile.summary}
        </p>
      )}
      <TaxonomyLabels codes={profile.taxonomy} linked={false} />
      {showStatus && profile.status === 'submitted' && profile.submittedAt !== null && (
        <p className="muted" data-testid="profile-submitted-on">
          {t('marketplace.submittedOn', { date: formatDate(language, profile.submittedAt) })}
        </p>
      )}
      <p className="muted">{t('marketplace.expiresOn', { date: formatDate(language, profile.expiresOn) })}</p>
    </li>
  )
}
