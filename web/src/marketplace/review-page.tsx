import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { useApi } from '../platform/use-api'
import { MarketplaceNav } from './marketplace-nav'
import { ProfileCard } from './profile-card'
import type { ProfileSummary } from './types'

/** The profiles waiting for a decision in the districts the manager runs, oldest first. */
export function ReviewPage(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  useDocumentTitle(t('marketplace.review.title'))
  const { data, error, loading } = useApi<{ items: ProfileSummary[] }>(user ? '/api/profiles/review-queue' : null)
  if (!user) return <SignInRequired title={t('marketplace.review.title')} />
  return (
    <div className="page">
      <MarketplaceNav />
      <h1>{t('marketplace.review.title')}</h1>
      <p className="page-lead">{t('marketplace.review.lead')}</p>
      {error && <ErrorMessage error={error} />}
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="empty-state" data-testid="review-empty">{t('marketplace.review.empty')}</p>}
      {data && data.items.length > 0 && (
        <ul className="result-list" data-testid="review-queue">
          {data.items.map((profile) => (
            <ProfileCard key={profile.id} profile={profile} showStatus />
          ))}
        </ul>
      )}
    </div>
  )
}
