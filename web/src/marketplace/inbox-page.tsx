import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { formatDate } from '../platform/format'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { MarketplaceNav } from './marketplace-nav'
import { ProfileCard } from './profile-card'
import type { InterestSummary, ProfileSummary } from './types'

/** My organisations' profiles in every state, and the expressions of interest they received and sent. */
export function InboxPage(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  useDocumentTitle(t('marketplace.inbox.title'))
  const profiles = useApi<{ items: ProfileSummary[] }>(user ? '/api/profiles/mine' : null)
  const interests = useApi<{ items: InterestSummary[] }>(user ? '/api/interests' : null)
  if (!user) return <SignInRequired title={t('marketplace.inbox.title')} />
  const received = interests.data?.items.filter((interest) => interest.direction === 'received') ?? []
  const sent = interests.data?.items.filter((interest) => interest.direction === 'sent') ?? []
  return (
    <div className="page">
      <MarketplaceNav />
      <h1>{t('marketplace.inbox.title')}</h1>
      <div className="two-columns">
        <div>
          {interests.error && <ErrorMessage error={interests.error} />}
          {interests.loading && !interests.data && <Loading />}
          <InterestList title={t('marketplace.inbox.received')} items={received} testId="interests-received" />
          <InterestList title={t('marketplace.inbox.sent')} items={sent} testId="interests-sent" />
        </div>
        <section aria-labelledby="my-profiles-title">
          <h2 id="my-profiles-title">{t('marketplace.inbox.myProfiles')}</h2>
          <p>
            <Link className="button" to="/marketplace/profiles/new">
              {t('marketplace.nav.newProfile')}
            </Link>
          </p>
          {profiles.error && <ErrorMessage error={profiles.error} />}
          {profiles.data && profiles.data.items.length === 0 && <p className="empty-state">{t('marketplace.inbox.noProfiles')}</p>}
          {profiles.data && profiles.data.items.length > 0 && (
            <ul className="result-list" data-testid="my-profiles">
              {profiles.data.items.map((profile) => (
                <ProfileCard key={profile.id} profile={profile} showStatus />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  )
}

function InterestList({ title, items, testId }: { title: string; items: InterestSummary[]; testId: string }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="empty-state">{t('marketplace.inbox.none')}</p>
      ) : (
        <ul className="result-list" data-testid={testId}>
          {items.map((interest) => (
            <li key={interest.id} className="result-card" data-testid="interest-card" data-id={interest.id} data-status={interest.status}>
              <h3 className="result-card__title">
                <Link to={`/marketplace/inbox/${interest.id}`} data-testid="interest-link">
                  {interest.profile.title}
                </Link>
              </h3>
              <p className="result-card__meta">
                <span className="badge">{t(`marketplace.interestStatuses.${interest.status}`)}</span>
                <span className="result-card__place">
                  {interest.direction === 'received'
                    ? t('marketplace.inbox.from', { name: interest.organisation.name })
                    : t('marketplace.inbox.to', { name: interest.profile.organisation.name })}{' '}
                  · {formatDate(language, interest.createdAt)}
                </span>
              </p>
              <p className="result-card__description">{interest.message}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
