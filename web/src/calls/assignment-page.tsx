import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { FormAlert, useSubmit } from '../platform/forms'
import { formatDateTime, formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { useTaxonomy } from '../taxonomy/use-taxonomy'
import type { AssignmentRow, EvaluationOverview, EvaluatorSummary } from './evaluation-types'
import { EvaluatorProfileForm } from './evaluator-profile-form'
import type { Call } from './types'

/** The officer's page: run the assignment, see each panel with the reasons of every assignment, choose rapporteurs. */
export function AssignmentPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const call = useApi<{ call: Call }>(`/api/calls/${encodeURIComponent(id)}`)
  const overview = useApi<EvaluationOverview>(`/api/calls/${encodeURIComponent(id)}/evaluation`)
  const pool = useApi<{ items: EvaluatorSummary[] }>('/api/evaluators')
  const action = useSubmit()
  useDocumentTitle(t('calls.evaluation.assignment.title'))

  if (overview.error) return <ErrorMessage error={overview.error} />
  if (!overview.data || !call.data) return <Loading />
  const data = overview.data
  const evaluators = new Map((pool.data?.items ?? []).map((evaluator) => [evaluator.id, evaluator]))
  const assign = (): Promise<void> => action.run(async () => overview.replace(await api.post<EvaluationOverview>(`/api/calls/${encodeURIComponent(id)}/evaluation/assign`)))
  const chooseRapporteur = (proposalId: string, evaluatorId: string): Promise<void> =>
    action.run(async () => {
      await api.put(`/api/proposals/${proposalId}/evaluation/rapporteur`, { evaluatorId })
      overview.reload()
    })
  const assigned = data.proposals.some((proposal) => proposal.assignments.length > 0)

  return (
    <section className="page" data-testid="assignment-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={`/calls/${id}`}>{localized(language, call.data.call.titleIt, call.data.call.titleEn)}</Link>
        {' · '}
        <Link to={`/calls/${id}/screening`}>{t('calls.screening.title')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('calls.evaluation.assignment.title')}</h1>
          <p className="page-lead">{t('calls.evaluation.assignment.lead', { count: data.evaluatorsPerProposal })}</p>
          <p className="muted" data-testid="evaluator-count">
            {t('calls.evaluation.assignment.pool', { count: data.evaluatorCount })}
          </p>
        </div>
        <div className="form-actions">
          <button type="button" className="button" onClick={() => void assign()} disabled={action.busy || data.phase !== 'closed'} data-testid="run-assignment">
            {assigned ? t('calls.evaluation.assignment.runAgain') : t('calls.evaluation.assignment.run')}
          </button>
          <Link className="button button--secondary" to={`/calls/${id}/ranking`} data-testid="ranking-link">
            {t('calls.evaluation.ranking.title')}
          </Link>
        </div>
      </header>
      {data.phase !== 'closed' && (
        <p className="muted" data-testid="not-closed">
          {t('calls.evaluation.assignment.notClosed')}
        </p>
      )}
      <FormAlert failure={action.failure} testId="assignment-error" />
      {data.proposals.length === 0 && <p className="muted">{t('calls.evaluation.assignment.empty')}</p>}
      {data.proposals.map((proposal) => (
        <article className="card" key={proposal.proposalId} data-testid="assignment-proposal" data-proposal={proposal.proposalId}>
          <h2>
            <Link to={`/calls/evaluations/${proposal.proposalId}`}>{proposal.title}</Link> <span className="badge">{t('calls.evaluation.line', { line: proposal.line })}</span>
          </h2>
          <p className="muted">
            {proposal.leadName}
            {proposal.taxonomyCode && ` · ${t('calls.evaluation.assignment.priority', { code: proposal.taxonomyCode })}`}
            {proposal.consensusSubmitted && ` · ${t('calls.evaluation.assignment.consensusDone')}`}
          </p>
          {proposal.assignments.length === 0 ? (
            <p className="muted">{t('calls.evaluation.assignment.none')}</p>
          ) : (
            <div className="table-wrapper">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('calls.evaluation.assignment.evaluator')}</th>
                    <th scope="col">{t('calls.evaluation.assignment.reasons')}</th>
                    <th scope="col">{t('calls.evaluation.assignment.state')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {proposal.assignments.map((row) => (
                    <tr key={row.evaluatorId} data-testid="assignment-row" data-status={row.status} data-evaluator={row.evaluatorId}>
                      <td>
                        {row.evaluatorName}
                        {row.rapporteur && (
                          <span className="badge" data-testid="rapporteur-badge">
                            {t('calls.evaluation.rapporteur')}
                          </span>
                        )}
                      </td>
                      <td>
                        <Reasons row={row} taxonomyCode={proposal.taxonomyCode} evaluator={evaluators.get(row.evaluatorId)} />
                      </td>
                      <td data-testid="assignment-state">
                        {row.status === 'declined'
                          ? t('calls.evaluation.assignment.declined', { reason: row.conflictReason ?? '' })
                          : row.reportSubmitted
                            ? t('calls.evaluation.assignment.reported')
                            : t('calls.evaluation.assignment.waiting', { when: formatDateTime(language, row.assignedAt) })}
                      </td>
                      <td>
                        {row.status === 'active' && !row.rapporteur && !proposal.consensusSubmitted && (
                          <button type="button" className="link-button" onClick={() => void chooseRapporteur(proposal.proposalId, row.evaluatorId)} disabled={action.busy} data-testid="make-rapporteur">
                            {t('calls.evaluation.assignment.makeRapporteur')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
      {pool.data && <EvaluatorPool evaluators={pool.data.items} onChanged={pool.reload} />}
    </section>
  )
}

/** Why this expert: the expertise that matched the priority, the load that kept panels balanced, and independence. */
function Reasons({ row, taxonomyCode, evaluator }: { row: AssignmentRow; taxonomyCode: string | null; evaluator: EvaluatorSummary | undefined }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { label } = useTaxonomy()
  const area = taxonomyCode?.split('.')[0]
  const expertise = (code: string): string => {
    const named = `${label(code)} (${code})`
    if (code === taxonomyCode) return t('calls.evaluation.reasons.exact', { expertise: named })
    if (code === area) return t('calls.evaluation.reasons.area', { expertise: named })
    return t('calls.evaluation.reasons.sibling', { expertise: named })
  }
  return (
    <ul className="reasons" data-testid="assignment-reasons">
      {row.matchedCodes.length > 0 ? row.matchedCodes.map((code) => <li key={code}>{expertise(code)}</li>) : <li>{t('calls.evaluation.reasons.noMatch')}</li>}
      <li>{t('calls.evaluation.reasons.load', { load: formatNumber(language, row.loadAtAssignment), current: formatNumber(language, row.currentLoad) })}</li>
      <li>
        {evaluator?.organisationName
          ? t('calls.evaluation.reasons.independentOf', { organisation: evaluator.organisationName })
          : t('calls.evaluation.reasons.independent')}
      </li>
    </ul>
  )
}

/** Who can be assigned: every evaluator with their organisation (a conflict) and expertise (the fit), editable by the officer. */
function EvaluatorPool({ evaluators, onChanged }: { evaluators: EvaluatorSummary[]; onChanged: () => void }): ReactElement {
  const { t } = useTranslation()
  const { label } = useTaxonomy()
  const [editing, setEditing] = useState<string | null>(null)
  const edited = evaluators.find((evaluator) => evaluator.id === editing)
  return (
    <section aria-labelledby="evaluator-pool" data-testid="evaluator-pool">
      <h2 id="evaluator-pool">{t('calls.evaluation.pool.title')}</h2>
      <p className="muted">{t('calls.evaluation.pool.lead')}</p>
      {evaluators.length === 0 && <p className="muted">{t('calls.evaluation.pool.empty')}</p>}
      <div className="table-wrapper">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('calls.evaluation.assignment.evaluator')}</th>
              <th scope="col">{t('calls.evaluation.pool.organisation')}</th>
              <th scope="col">{t('calls.evaluation.pool.expertise')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {evaluators.map((evaluator) => (
              <tr key={evaluator.id} data-testid="pool-row">
                <td>{evaluator.fullName}</td>
                <td>{evaluator.organisationName ?? t('calls.evaluation.pool.noOrganisation')}</td>
                <td>{evaluator.expertise.length > 0 ? evaluator.expertise.map((code) => `${label(code)} (${code})`).join('; ') : t('calls.evaluation.pool.noExpertise')}</td>
                <td>
                  <button type="button" className="link-button" onClick={() => setEditing(evaluator.id)} data-testid="edit-profile">
                    {t('calls.evaluation.pool.editProfile')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {edited && (
        <article className="card">
          <h3>{t('calls.evaluation.pool.editing', { name: edited.fullName })}</h3>
          <EvaluatorProfileForm
            key={edited.id}
            evaluator={edited}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null)
              onChanged()
            }}
          />
        </article>
      )}
    </section>
  )
}
