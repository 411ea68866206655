import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { FormAlert, useSubmit } from '../platform/forms'
import { formatDateTime, formatEuros, formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { CallAttachments } from './attachments/call-attachments'
import { percent } from './labels'
import type { Call, CallRules } from './types'

export function CallPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const navigate = useNavigate()
  const { data, error, loading, replace } = useApi<{ call: Call }>(`/api/calls/${encodeURIComponent(id)}`)
  const call = data?.call
  const action = useSubmit()
  const [openFaq, setOpenFaq] = useState<number | null>(null)
  useDocumentTitle(call ? localized(language, call.titleIt, call.titleEn) : undefined)

  if (error) return <ErrorMessage error={error} />
  if (!call) return loading ? <Loading /> : <></>
  const publish = (): Promise<void> => action.run(async () => replace(await api.post<{ call: Call }>(`/api/calls/${call.id}/publish`)))
  const clone = (): Promise<void> =>
    action.run(async () => {
      const copy = await api.post<{ call: Call }>(`/api/calls/${call.id}/clone`)
      await navigate(`/calls/${copy.call.id}/edit`)
    })

  return (
    <article className="page" data-testid="call-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/calls">{t('calls.list.title')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker">
            <span className={`badge badge--${call.phase}`} data-testid="call-phase">
              {t(`calls.phase.${call.phase}`)}
            </span>
          </p>
          <h1 data-testid="call-title">{localized(language, call.titleIt, call.titleEn)}</h1>
          <p className="page-subtitle">{localized(language, call.summaryIt, call.summaryEn)}</p>
        </div>
        <div className="form-actions">
          {call.phase === 'open' && user && user.organisations.length > 0 && (
            <Link className="button" to={`/calls/${call.id}/proposals/new`} data-testid="start-proposal">
              {t('calls.call.startProposal')}
            </Link>
          )}
          {call.canManage && call.status === 'draft' && (
            <>
              <Link className="button button--secondary" to={`/calls/${call.id}/edit`} data-testid="edit-call">
                {t('common.edit')}
              </Link>
              <button type="button" className="button" onClick={() => void publish()} disabled={action.busy} data-testid="publish-call">
                {t('calls.call.publish')}
              </button>
            </>
          )}
          {call.canManage && (
            <>
              <button type="button" className="button button--secondary" onClick={() => void clone()} disabled={action.busy} data-testid="clone-call">
                {t('calls.call.clone')}
              </button>
              {call.status === 'published' && (
                <Link className="button button--secondary" to={`/calls/${call.id}/screening`} data-testid="screening-link">
                  {t('calls.screening.title')}
                </Link>
              )}
              {call.phase === 'closed' && (
                <>
                  <Link className="button button--secondary" to={`/calls/${call.id}/evaluation`} data-testid="evaluation-link">
                    {t('calls.evaluation.links.evaluation')}
                  </Link>
                  <Link className="button button--secondary" to={`/calls/${call.id}/ranking`} data-testid="ranking-link">
                    {t('calls.evaluation.links.ranking')}
                  </Link>
                </>
              )}
            </>
          )}
          {call.phase === 'closed' && user && (call.canManage || user.organisations.length > 0) && (
            <Link className="button button--secondary" to={`/calls/${call.id}/funding`} data-testid="funding-link">
              {call.canManage ? t('funding.link.officer') : t('funding.link.mine')}
            </Link>
          )}
        </div>
      </header>
      <FormAlert failure={action.failure} />
      {call.phase === 'open' && user && user.organisations.length === 0 && <p className="muted">{t('calls.call.needOrganisation')}</p>}
      {call.phase === 'open' && !user && <p className="muted">{t('calls.call.signInToApply')}</p>}

      <section className="facts facts--highlight"><dl data-testid="call-dates">
        <dt>{t('calls.call.opens')}</dt>
        <dd>{formatDateTime(language, call.opensAt)}</dd>
        <dt>{t('calls.call.closes')}</dt>
        <dd>{formatDateTime(language, call.closesAt)}</dd>
        <dt>{t('calls.call.totalBudget')}</dt>
        <dd>{formatEuros(language, call.totalBudgetCents)}</dd>
      </dl></section>

      {localized(language, call.textIt, call.textEn) && <p className="prose">{localized(language, call.textIt, call.textEn)}</p>}

      <CallAttachments callId={call.id} />

      <h2>{t('calls.call.lines')}</h2>
      <ul data-testid="call-lines">
        {call.lines.map((line) => (
          <li key={line.code}>
            <strong>
              {t('calls.proposal.lineShort', { line: line.code })} — {localized(language, line.titleIt, line.titleEn)}
            </strong>{' '}
            · {formatEuros(language, line.budgetCents)}
            {line.membersOnly && <> · {t('calls.call.membersOnly', { cluster: line.clusterName ?? '' })}</>}
            {line.nonMembersMustCommit && <> · {t('calls.call.nonMembersCommit', { cluster: line.clusterName ?? '' })}</>}
          </li>
        ))}
      </ul>

      <h2>{t('calls.call.whoCanApply')}</h2>
      <RulesInPlainWords rules={call.rules} />
      {call.priorities.length > 0 && (
        <>
          <h3>{t('calls.call.priorities')}</h3>
          <TaxonomyLabels codes={call.priorities} />
        </>
      )}

      {call.budget.length > 0 && (
        <>
          <h2>{t('calls.call.budgetSources')}</h2>
          <table className="table" data-testid="budget-table">
            <thead>
              <tr>
                <th>{t('calls.editor.source')}</th>
                <th>{t('calls.editor.year')}</th>
                <th>{t('calls.editor.amount')}</th>
              </tr>
            </thead>
            <tbody>
              {call.budget.map((share, index) => (
                <tr key={index}>
                  <td>{t(`calls.sources.${share.source}`)}</td>
                  <td>{share.year}</td>
                  <td>{formatEuros(language, share.amountCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {call.criteria.length > 0 && (
        <>
          <h2>{t('calls.call.criteria')}</h2>
          <ul>
            {call.criteria.map((criterion) => (
              <li key={criterion.code}>
                {localized(language, criterion.nameIt, criterion.nameEn)} ·{' '}
                {t('calls.call.criterionWeight', { weight: formatNumber(language, criterion.weight), threshold: formatNumber(language, criterion.threshold) })}
              </li>
            ))}
          </ul>
        </>
      )}

      {call.faq.length > 0 && (
        <>
          <h2>{t('calls.call.faq')}</h2>
          <ul data-testid="call-faq">
            {call.faq.map((entry, index) => (
              <li key={index}>
                <button type="button" className="link-button" aria-expanded={openFaq === index} onClick={() => setOpenFaq(openFaq === index ? null : index)}>
                  {localized(language, entry.questionIt, entry.questionEn)}
                </button>
                {openFaq === index && <p>{localized(language, entry.answerIt, entry.answerEn)}</p>}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  )
}

function RulesInPlainWords({ rules }: { rules: CallRules }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const items: string[] = [t('calls.rulesText.eligibleCosts')]
  if (rules.trlStartMin !== undefined) items.push(t('calls.rulesText.trlStart', { min: rules.trlStartMin }))
  if (rules.trlEndMin !== undefined) items.push(t('calls.rulesText.trlEnd', { min: rules.trlEndMin }))
  if (rules.researchShareMustExceedDevelopment) items.push(t('calls.rulesText.researchShare'))
  if (rules.minPartners !== undefined) items.push(t('calls.rulesText.minPartners', { min: rules.minPartners }))
  if (rules.minSmes !== undefined) items.push(t('calls.rulesText.minSmes', { min: rules.minSmes }))
  if (rules.researchOrganisationIntensity !== undefined) items.push(t('calls.rulesText.researchIntensity', { percent: percent(language, rules.researchOrganisationIntensity) }))
  return (
    <ul data-testid="call-rules">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  )
}
