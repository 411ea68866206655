import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../accounts/session'
import { api } from '../platform/api'
import { ErrorMessage, Loading } from '../platform/feedback'
import { FormAlert, useSubmit } from '../platform/forms'
import { formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { KindBadge } from './profile-card'
import type { ProfileDetail, ProfileRecommendation, Reason, Recommendations } from './types'

/** The score out of 100 as a bar, with the number for screen readers and for the eye. */
function ScoreBar({ score }: { score: number }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <span className="score" data-testid="recommendation-score" data-score={score}>
      <meter min={0} max={100} value={score} aria-hidden="true" />
      <span>{t('marketplace.recommendations.score', { score: formatNumber(language, Math.round(score)) })}</span>
    </span>
  )
}

/** Why a result is there: each reason with the points it adds; a reason worth nothing is information only. */
export function ReasonList({ reasons }: { reasons: Reason[] }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <ul className="reasons" data-testid="recommendation-reasons">
      {reasons.map((reason) => (
        <li key={`${reason.code}-${reason.text}`} data-code={reason.code}>
          {reason.text}
          {reason.points > 0 && <span className="muted"> · {t('marketplace.recommendations.points', { points: formatNumber(language, reason.points) })}</span>}
        </li>
      ))}
    </ul>
  )
}

/** On a profile's page: who, in every district, could answer it. */
export function RecommendationsPanel({ profile }: { profile: ProfileDetail }): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const { data, error, loading } = useApi<Recommendations>(user ? `/api/profiles/${profile.id}/recommendations` : null)
  if (!user) return null
  const canForward = user.managedClusters.length > 0 && profile.status === 'published' && profile.kind.endsWith('_request')
  return (
    <section aria-labelledby="recommendations-title" data-testid="recommendations">
      <h2 id="recommendations-title">{t('marketplace.recommendations.title')}</h2>
      <p className="field-hint">{t('marketplace.recommendations.hint')}</p>
      {error && <ErrorMessage error={error} />}
      {loading && <Loading />}
      {data && data.organisations.length === 0 && data.profiles.length === 0 && <p className="muted">{t('marketplace.recommendations.none')}</p>}
      {data && data.organisations.length > 0 && (
        <>
          <h3>{t('marketplace.recommendations.organisations')}</h3>
          <ol className="results" data-testid="recommended-organisations">
            {data.organisations.map((item) => (
              <li key={item.organisation.id} className="result-card" data-testid="recommended-organisation" data-id={item.organisation.id}>
                <h4 className="result-card__title">
                  <Link to={`/organisations/${item.organisation.id}`}>{item.organisation.name}</Link>
                </h4>
                <p className="result-card__meta">
                  <span className="badge badge--type">{t(`organisation.types.${item.organisation.type}`)}</span>
                  {item.districts.length > 0 && (
                    <span className="result-card__place">{item.districts.map((district) => localized(language, district.nameIt, district.nameEn)).join(' · ')}</span>
                  )}
                  <ScoreBar score={item.score} />
                </p>
                <ReasonList reasons={item.reasons} />
                {canForward && <ForwardButton profileId={profile.id} organisationId={item.organisation.id} />}
              </li>
            ))}
          </ol>
        </>
      )}
      {data && data.profiles.length > 0 && (
        <>
          <h3>{t('marketplace.recommendations.profiles')}</h3>
          <RecommendedProfiles items={data.profiles} testId="recommended-profiles" />
        </>
      )}
    </section>
  )
}

export function RecommendedProfiles({ items, testId }: { items: ProfileRecommendation[]; testId: string }): ReactElement {
  const language = useLanguage()
  return (
    <ol className="results" data-testid={testId}>
      {items.map((item) => (
        <li key={item.profile.id} className="result-card" data-testid="recommended-profile" data-id={item.profile.id}>
          <h4 className="result-card__title">
            <Link to={`/marketplace/profiles/${item.profile.id}`} lang={item.profile.language}>
              {item.profile.title}
            </Link>
          </h4>
          <p className="result-card__meta">
            <KindBadge kind={item.profile.kind} />
            <span className="result-card__place">
              {item.profile.organisation.name} · {localized(language, item.profile.district.nameIt, item.profile.district.nameEn)}
            </span>
            <ScoreBar score={item.score} />
          </p>
          <ReasonList reasons={item.reasons} />
        </li>
      ))}
    </ol>
  )
}

function ForwardButton({ profileId, organisationId }: { profileId: string; organisationId: string }): ReactElement {
  const { t } = useTranslation()
  const [done, setDone] = useState(false)
  const { busy, failure, run } = useSubmit()
  if (done) return <p className="muted" data-testid="forwarded">{t('marketplace.recommendations.forwarded')}</p>
  return (
    <div>
      <FormAlert failure={failure} />
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={busy}
        data-testid="forward-need"
        onClick={() =>
          void run(async () => {
            await api.post(`/api/profiles/${profileId}/forwards`, { organisationId })
            setDone(true)
          })
        }
      >
        {t('marketplace.recommendations.forward')}
      </button>
    </div>
  )
}

/** On the marketplace: the needs, from every district, that the user's organisation could answer. */
export function RecommendedNeeds({ organisationId }: { organisationId: string }): ReactElement | null {
  const { t } = useTranslation()
  const { data, error } = useApi<{ items: ProfileRecommendation[] }>(`/api/organisations/${organisationId}/recommended-needs?limit=5`)
  if (error) return <ErrorMessage error={error} />
  if (!data || data.items.length === 0) return null
  return (
    <section aria-labelledby="recommended-needs-title" data-testid="recommended-needs">
      <h2 id="recommended-needs-title">{t('marketplace.recommendations.needsTitle')}</h2>
      <p className="field-hint">{t('marketplace.recommendations.needsHint')}</p>
      <RecommendedProfiles items={data.items} testId="recommended-needs-list" />
    </section>
  )
}
