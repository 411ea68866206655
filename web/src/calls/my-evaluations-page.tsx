import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { useTaxonomy } from '../taxonomy/use-taxonomy'
import { evaluationState } from './evaluation-logic'
import type { EvaluatorSummary, MyEvaluation } from './evaluation-types'
import { EvaluatorProfileForm } from './evaluator-profile-form'

/** The evaluator's assignments, with what is still to do on each, and the profile that assignment uses. */
export function MyEvaluationsPage(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { label } = useTaxonomy()
  const { data, error } = useApi<{ items: MyEvaluation[] }>('/api/evaluations')
  useDocumentTitle(t('calls.evaluation.mine.title'))
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  const expertise = (codes: string[]): string => (codes.length > 0 ? t('calls.evaluation.assignment.matched', { codes: codes.map((code) => label(code)).join(', ') }) : t('calls.evaluation.assignment.noMatch'))
  return (
    <section className="page" data-testid="my-evaluations-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/calls">{t('calls.list.title')}</Link>
      </nav>
      <h1>{t('calls.evaluation.mine.title')}</h1>
      <p className="page-lead">{t('calls.evaluation.mine.lead')}</p>
      {data.items.length === 0 && <p className="muted">{t('calls.evaluation.mine.empty')}</p>}
      {data.items.length > 0 && (
        <div className="table-wrapper">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('calls.proposal.title')}</th>
                <th scope="col">{t('calls.evaluation.mine.call')}</th>
                <th scope="col">{t('calls.evaluation.assignment.reasons')}</th>
                <th scope="col">{t('calls.evaluation.assignment.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.proposalId} data-testid="my-evaluation" data-proposal={item.proposalId}>
                  <td>
                    {item.status === 'active' ? <Link to={`/calls/evaluations/${item.proposalId}`}>{item.title}</Link> : item.title}
                    {item.rapporteur && <span className="badge">{t('calls.evaluation.rapporteur')}</span>}
                  </td>
                  <td>
                    {localized(language, item.callTitleIt, item.callTitleEn)} · {t('calls.evaluation.line', { line: item.line })}
                  </td>
                  <td>{expertise(item.matchedCodes)}</td>
                  <td data-testid="my-evaluation-state">{t(`calls.evaluation.mine.state.${evaluationState(item)}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <MyProfile />
    </section>
  )
}

/** What the assignment knows of me: my organisation (never its proposals) and my expertise (the fit). */
function MyProfile(): ReactElement | null {
  const { t } = useTranslation()
  const { label } = useTaxonomy()
  const { data, replace } = useApi<{ evaluator: EvaluatorSummary }>('/api/evaluators/me')
  const [editing, setEditing] = useState(false)
  if (!data) return null
  const me = data.evaluator
  return (
    <section aria-labelledby="my-evaluator-profile" data-testid="my-evaluator-profile">
      <h2 id="my-evaluator-profile">{t('calls.evaluation.profile.title')}</h2>
      <p className="muted">{t('calls.evaluation.profile.lead')}</p>
      {editing ? (
        <EvaluatorProfileForm
          evaluator={me}
          onCancel={() => setEditing(false)}
          onSaved={(evaluator) => {
            replace({ evaluator })
            setEditing(false)
          }}
        />
      ) : (
        <>
          <div className="facts">
            <dl>
              <dt>{t('calls.evaluation.pool.organisation')}</dt>
              <dd>{me.organisationName ?? t('calls.evaluation.pool.noOrganisation')}</dd>
              <dt>{t('calls.evaluation.pool.expertise')}</dt>
              <dd data-testid="my-expertise">{me.expertise.length > 0 ? me.expertise.map((code) => `${label(code)} (${code})`).join('; ') : t('calls.evaluation.pool.noExpertise')}</dd>
            </dl>
          </div>
          <button type="button" className="button button--secondary" onClick={() => setEditing(true)} data-testid="edit-my-profile">
            {t('calls.evaluation.profile.edit')}
          </button>
        </>
      )}
    </section>
  )
}
