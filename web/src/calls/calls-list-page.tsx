import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useSession } from '../accounts/session'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { formatDateTime, formatEuros } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { isEvaluator, isOfficer } from './labels'
import type { CallSummary, ProposalSummary } from './types'

export function CallsListPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  useDocumentTitle(t('calls.list.title'))
  const { data, error, loading } = useApi<{ items: CallSummary[] }>('/api/calls')
  const mine = useApi<{ items: ProposalSummary[] }>(user ? '/api/proposals' : null)

  return (
    <section className="page" data-testid="calls-page">
      <header className="page-header">
        <div>
          <h1>{t('calls.list.title')}</h1>
          <p className="page-lead">{t('calls.list.lead')}</p>
        </div>
        {(isOfficer(user) || isEvaluator(user)) && (
          <div className="form-actions">
            {isEvaluator(user) && (
              <Link className="button button--secondary" to="/calls/evaluations" data-testid="my-evaluations-link">
                {t('calls.evaluation.mine.link')}
              </Link>
            )}
            {isOfficer(user) && (
              <Link className="button" to="/calls/new" data-testid="new-call">
                {t('calls.list.new')}
              </Link>
            )}
          </div>
        )}
      </header>
      {error && <ErrorMessage error={error} />}
      {loading && !data && <Loading />}
      {data && data.items.length === 0 && <p className="muted">{t('calls.list.empty')}</p>}
      <ul className="card-grid" data-testid="calls-list">
        {data?.items.map((call) => (
          <li className="card card--link" key={call.id} data-testid="call-card">
            <p className="card__kicker">
              <span className={`badge badge--${call.phase}`}>{t(`calls.phase.${call.phase}`)}</span>
            </p>
            <h2 className="card__title">
              <Link to={`/calls/${call.id}`}>{localized(language, call.titleIt, call.titleEn)}</Link>
            </h2>
            <p className="card__text">{localized(language, call.summaryIt, call.summaryEn)}</p>
            <p className="card__text">
              {t('calls.list.budget', { amount: formatEuros(language, call.totalBudgetCents) })}
              <br />
              {t('calls.list.closes', { when: formatDateTime(language, call.closesAt) })}
            </p>
          </li>
        ))}
      </ul>
      {mine.data && mine.data.items.length > 0 && (
        <section aria-labelledby="my-proposals">
          <h2 id="my-proposals">{t('calls.list.myProposals')}</h2>
          <ul data-testid="my-proposals">
            {mine.data.items.map((proposal) => (
              <li key={proposal.id}>
                <Link to={`/calls/proposals/${proposal.id}`}>{proposal.title}</Link>{' '}
                <span className="muted">
                  · {localized(language, proposal.callTitleIt, proposal.callTitleEn)} · {t('calls.proposal.lineShort', { line: proposal.line })} ·{' '}
                  {proposal.currentVersion > 0 ? t('calls.proposal.submittedVersion', { version: proposal.currentVersion }) : t('calls.proposal.draft')}
                </span>
                {proposal.awaitingMyConfirmation && <span className="badge"> {t('calls.proposal.awaitingConfirmation')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  )
}
