import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextArea, useSubmit } from '../platform/forms'
import { formatDate } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { MarketplaceNav } from './marketplace-nav'
import { KindBadge, StatusBadge } from './profile-card'
import { RecommendationsPanel } from './recommendations'
import { closeOutcomes, type InterestDetail, type ProfileDetail } from './types'

export function ProfilePage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const location = useLocation()
  const { data, error, loading, replace } = useApi<{ profile: ProfileDetail }>(`/api/profiles/${encodeURIComponent(id)}`)
  const profile = data?.profile
  useDocumentTitle(profile?.title)
  const notice = (location.state as { notice?: string } | null)?.notice

  if (error) return <ErrorMessage error={error} />
  if (!profile) return loading ? <Loading /> : <></>
  const update = (next: ProfileDetail): void => replace({ profile: next })
  return (
    <article className="page" data-testid="profile-page" data-id={profile.id}>
      <MarketplaceNav />
      <header className="page-header">
        <div>
          <p className="page-kicker">
            <KindBadge kind={profile.kind} /> <StatusBadge status={profile.status} />
          </p>
          <h1 data-testid="profile-title" lang={profile.language}>
            {profile.title}
          </h1>
          <p className="page-subtitle">
            <Link to={`/organisations/${profile.organisation.id}`}>{profile.organisation.name}</Link> · {localized(language, profile.district.nameIt, profile.district.nameEn)}
          </p>
        </div>
        {profile.canEdit && (
          <Link className="button" to={`/marketplace/profiles/${profile.id}/edit`} data-testid="edit-profile">
            {t('marketplace.profile.editAndSubmit')}
          </Link>
        )}
      </header>
      {notice && (
        <Notice tone="success" testId="profile-notice">
          <p>{t(`marketplace.notices.${notice}`)}</p>
        </Notice>
      )}
      {profile.status === 'returned' && profile.reviewComment && (
        <Notice tone="warning" testId="review-comment">
          <p className="alert__title">{t('marketplace.profile.returnedWithComments')}</p>
          <p>{profile.reviewComment}</p>
        </Notice>
      )}
      <div className="two-columns">
        <div>
          {profile.summary && (
            <p className="page-lead" lang={profile.language} data-testid="profile-summary">
              {profile.summary}
            </p>
          )}
          <Descriptions profile={profile} />
          <section aria-labelledby="taxonomy-title">
            <h2 id="taxonomy-title">{t('marketplace.profile.taxonomy')}</h2>
            <TaxonomyLabels codes={profile.taxonomy} testId="profile-taxonomy" />
            {profile.keywords.length > 0 && (
              <ul className="chips" data-testid="profile-keywords">
                {profile.keywords.map((keyword) => (
                  <li key={keyword} className="chip chip--plain">
                    {keyword}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {profile.canReview && <ReviewPanel profile={profile} onDone={update} />}
          {profile.status === 'published' && <InterestPanel profile={profile} />}
          <ClosePanel profile={profile} onDone={update} />
          {profile.status === 'published' && <RecommendationsPanel profile={profile} />}
        </div>
        <Facts profile={profile} />
      </div>
    </article>
  )
}

function Descriptions({ profile }: { profile: ProfileDetail }): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  const first = language === 'en' ? ['en', profile.descriptionEn] : ['it', profile.descriptionIt]
  const second = language === 'en' ? ['it', profile.descriptionIt] : ['en', profile.descriptionEn]
  const shown = [first, second].filter(([, text]) => (text ?? '').trim() !== '') as [string, string][]
  if (shown.length === 0) return null
  return (
    <section aria-labelledby="description-title">
      <h2 id="description-title">{t('marketplace.profile.description')}</h2>
      {shown.map(([lang, text], index) => (
        <div key={lang} className={index === 0 ? 'prose' : 'prose other-language'} lang={lang} data-testid={`description-${lang}`}>
          {index > 0 && <p className="muted">{t(`marketplace.profile.alsoIn.${lang}`)}</p>}
          <p>{text}</p>
        </div>
      ))}
    </section>
  )
}

function Facts({ profile }: { profile: ProfileDetail }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const list = (items: string[]): string => (items.length > 0 ? items.join(', ') : t('common.notStated'))
  return (
    <section className="facts" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('marketplace.profile.facts')}</h2>
      <dl>
        <dt>{t('marketplace.trl')}</dt>
        <dd data-testid="profile-trl">{profile.trl ?? t('marketplace.profile.trlNotApplicable')}</dd>
        <dt>{t('marketplace.profile.partnershipKinds')}</dt>
        <dd>{list(profile.partnershipKinds.map((kind) => t(`marketplace.partnerships.${kind}`)))}</dd>
        <dt>{t('marketplace.profile.targets')}</dt>
        <dd>{list(profile.targetOrganisationTypes.map((type) => t(`organisation.types.${type}`)))}</dd>
        <dt>{t('marketplace.profile.scope')}</dt>
        <dd>{t(`marketplace.scopes.${profile.geographicScope}`)}</dd>
        <dt>{t('marketplace.profile.organisation')}</dt>
        <dd>
          {profile.organisation.name} ({t(`organisation.types.${profile.organisation.type}`)})
        </dd>
        <dt>{t('marketplace.profile.publishedOn')}</dt>
        <dd>{profile.publishedAt ? formatDate(language, profile.publishedAt) : t('common.notStated')}</dd>
        <dt>{t('marketplace.profile.expiry')}</dt>
        <dd>{formatDate(language, profile.expiresOn)}</dd>
        {profile.closeOutcome && (
          <>
            <dt>{t('marketplace.profile.outcome')}</dt>
            <dd data-testid="close-outcome">{t(`marketplace.outcomes.${profile.closeOutcome}`)}</dd>
          </>
        )}
      </dl>
    </section>
  )
}

function ReviewPanel({ profile, onDone }: { profile: ProfileDetail; onDone: (profile: ProfileDetail) => void }): ReactElement {
  const { t } = useTranslation()
  const [comment, setComment] = useState('')
  const { busy, failure, run } = useSubmit()
  const decide = (decision: 'approve' | 'return'): Promise<void> =>
    run(async () => {
      const body = decision === 'return' || comment.trim() ? { decision, comment: comment.trim() } : { decision }
      onDone((await api.post<{ profile: ProfileDetail }>(`/api/profiles/${profile.id}/review`, body)).profile)
    })
  return (
    <section className="form form--panel" aria-labelledby="review-title" data-testid="review-panel">
      <h2 id="review-title">{t('marketplace.review.panelTitle')}</h2>
      <FormAlert failure={failure} />
      <TextArea label={t('marketplace.review.comment')} hint={t('marketplace.review.commentHint')} value={comment} onChange={setComment} rows={3} error={errorFor(failure, 'comment')} testId="review-comment-input" />
      <div className="form-actions">
        <button type="button" className="button" disabled={busy} onClick={() => void decide('approve')} data-testid="approve-profile">
          {t('marketplace.review.approve')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void decide('return')} data-testid="return-profile">
          {t('marketplace.review.sendBack')}
        </button>
      </div>
    </section>
  )
}

function InterestPanel({ profile }: { profile: ProfileDetail }): ReactElement | null {
  const { t } = useTranslation()
  const { user } = useSession()
  const candidates = (user?.organisations ?? []).filter((organisation) => organisation.id !== profile.organisation.id)
  const [organisationId, setOrganisationId] = useState(candidates[0]?.id ?? '')
  const [message, setMessage] = useState('')
  const [sent, setSent] = useState<InterestDetail | null>(null)
  const { busy, failure, run } = useSubmit()
  if (!user) {
    return (
      <p className="muted" data-testid="interest-signin">
        <Link to="/signin" state={{ from: `/marketplace/profiles/${profile.id}` }}>
          {t('nav.signIn')}
        </Link>{' '}
        {t('marketplace.interest.signInToAnswer')}
      </p>
    )
  }
  if (candidates.length === 0) return null
  if (sent) {
    return (
      <Notice tone="success" testId="interest-sent">
        <p>
          {t('marketplace.interest.sent')} <Link to={`/marketplace/inbox/${sent.id}`}>{t('marketplace.interest.openThread')}</Link>
        </p>
      </Notice>
    )
  }
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      setSent((await api.post<{ interest: InterestDetail }>(`/api/profiles/${profile.id}/interests`, { organisationId, message: message.trim() })).interest)
    })
  }
  return (
    <form className="form form--panel" onSubmit={submit} aria-labelledby="interest-title" data-testid="interest-form">
      <h2 id="interest-title">{t('marketplace.interest.title')}</h2>
      <p className="field-hint">{t('marketplace.interest.hint')}</p>
      <FormAlert failure={failure} />
      {candidates.length > 1 && (
        <SelectField
          label={t('marketplace.interest.asOrganisation')}
          value={organisationId}
          onChange={setOrganisationId}
          options={candidates.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
          error={errorFor(failure, 'organisationId')}
          testId="interest-organisation"
        />
      )}
      <TextArea label={t('marketplace.interest.message')} required value={message} onChange={setMessage} rows={4} error={errorFor(failure, 'message')} testId="interest-message" />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy} data-testid="send-interest">
          {t('marketplace.interest.send')}
        </button>
      </div>
    </form>
  )
}

function ClosePanel({ profile, onDone }: { profile: ProfileDetail; onDone: (profile: ProfileDetail) => void }): ReactElement | null {
  const { t } = useTranslation()
  const { user } = useSession()
  const [outcome, setOutcome] = useState<string>('partner_found')
  const { busy, failure, run } = useSubmit()
  const owner = user?.organisations.some((organisation) => organisation.id === profile.organisation.id) ?? false
  if (!owner || profile.status === 'closed') return null
  return (
    <section className="form form--panel" aria-labelledby="close-title" data-testid="close-panel">
      <h2 id="close-title">{t('marketplace.close.title')}</h2>
      <FormAlert failure={failure} />
      <SelectField label={t('marketplace.close.outcome')} value={outcome} onChange={setOutcome} options={closeOutcomes.map((value) => ({ value, label: t(`marketplace.outcomes.${value}`) }))} testId="close-outcome-select" />
      <div className="form-actions">
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          data-testid="close-profile"
          onClick={() => void run(async () => onDone((await api.post<{ profile: ProfileDetail }>(`/api/profiles/${profile.id}/close`, { outcome })).profile))}
        >
          {t('marketplace.close.button')}
        </button>
      </div>
    </section>
  )
}
