import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../platform/forms'
import { formatDateTime, formatEuros, formatNumber, parseEurosToCents } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import type { Indicators, RankingResult } from './evaluation-types'
import { IndicatorsTable } from './indicators-table'
import type { Call } from './types'

/** The officer's ranking per line: funded, reserve, below threshold; budget moves; downloads; results indicators. */
export function RankingPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const call = useApi<{ call: Call }>(`/api/calls/${encodeURIComponent(id)}`)
  const ranking = useApi<RankingResult>(`/api/calls/${encodeURIComponent(id)}/ranking`)
  const indicators = useApi<Indicators>(`/api/calls/${encodeURIComponent(id)}/indicators`)
  useDocumentTitle(t('calls.evaluation.ranking.title'))
  if (ranking.error) return <ErrorMessage error={ranking.error} />
  if (!ranking.data || !call.data) return <Loading />
  const data = ranking.data
  const criterionName = (code: string): string => {
    const criterion = data.criteria.find((item) => item.code === code)
    return criterion ? localized(language, criterion.nameIt, criterion.nameEn) : code
  }
  const moved = (next: RankingResult): void => {
    ranking.replace(next)
    indicators.reload()
  }
  return (
    <section className="page" data-testid="ranking-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={`/calls/${id}`}>{localized(language, call.data.call.titleIt, call.data.call.titleEn)}</Link>
        {' · '}
        <Link to={`/calls/${id}/evaluation`}>{t('calls.evaluation.assignment.title')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('calls.evaluation.ranking.title')}</h1>
          <p className="page-lead">{t('calls.evaluation.ranking.lead')}</p>
          {data.overallThreshold !== null && <p className="muted">{t('calls.evaluation.ranking.overallThreshold', { threshold: formatNumber(language, data.overallThreshold) })}</p>}
        </div>
        <div className="form-actions">
          <a className="button button--secondary" href={`/api/calls/${id}/ranking.csv`} download data-testid="download-csv">
            {t('calls.evaluation.ranking.csv')}
          </a>
          <a className="button button--secondary" href={`/api/calls/${id}/ranking.xlsx`} download data-testid="download-xlsx">
            {t('calls.evaluation.ranking.xlsx')}
          </a>
        </div>
      </header>
      {data.lines.map((line) => (
        <section key={line.code} data-testid="ranking-line" data-line={line.code}>
          <h2>
            {t('calls.evaluation.line', { line: line.code })} — {localized(language, line.titleIt, line.titleEn)}
          </h2>
          <p data-testid="line-budget">
            {t('calls.evaluation.ranking.budget', { budget: formatEuros(language, line.budgetCents), funded: formatEuros(language, line.fundedCents), unspent: formatEuros(language, line.unspentCents) })}
            {line.budgetCents !== line.initialBudgetCents && <span className="muted"> {t('calls.evaluation.ranking.initialBudget', { budget: formatEuros(language, line.initialBudgetCents) })}</span>}
          </p>
          {line.proposals.length === 0 ? (
            <p className="muted">{t('calls.evaluation.ranking.empty')}</p>
          ) : (
            <div className="table-wrapper">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('calls.evaluation.ranking.rank')}</th>
                    <th>{t('calls.proposal.title')}</th>
                    <th>{t('calls.evaluation.ranking.outcome')}</th>
                    <th>{t('calls.evaluation.ranking.total')}</th>
                    {data.criteria.map((criterion) => (
                      <th key={criterion.code}>{localized(language, criterion.nameIt, criterion.nameEn)}</th>
                    ))}
                    <th>{t('calls.evaluation.ranking.tieBreak')}</th>
                    <th>{t('calls.evaluation.ranking.grant')}</th>
                    <th>{t('calls.evaluation.ranking.pdf')}</th>
                  </tr>
                </thead>
                <tbody>
                  {line.proposals.map((entry) => (
                    <tr key={entry.proposalId} data-testid="ranking-row" data-status={entry.status}>
                      <td>{entry.rank ?? '—'}</td>
                      <td>
                        <Link to={`/calls/evaluations/${entry.proposalId}`}>{entry.title}</Link>
                        <br />
                        <span className="muted">{entry.leadName}</span>
                      </td>
                      <td data-testid="ranking-status">
                        <span className={entry.status === 'funded' ? 'badge badge--type' : 'badge'}>{t(`calls.evaluation.status.${entry.status}`)}</span>
                        {entry.failedCriteria.length > 0 && <span className="muted"> ({t('calls.evaluation.ranking.failed', { criteria: entry.failedCriteria.map(criterionName).join(', ') })})</span>}
                        {entry.failsOverall && <span className="muted"> ({t('calls.evaluation.ranking.failsOverall')})</span>}
                      </td>
                      <td>{entry.weightedTotal === null ? '—' : formatNumber(language, entry.weightedTotal)}</td>
                      {data.criteria.map((criterion) => (
                        <td key={criterion.code}>{entry.scores[criterion.code] === undefined ? '—' : formatNumber(language, entry.scores[criterion.code] as number)}</td>
                      ))}
                      <td>{t('calls.evaluation.ranking.tieBreakValues', { smes: formatNumber(language, entry.smes), research: formatNumber(language, entry.researchOrganisations) })}</td>
                      <td>{formatEuros(language, entry.grantCents)}</td>
                      <td>
                        <a href={`/api/proposals/${entry.proposalId}/evaluation.pdf`} download data-testid="download-pdf">
                          {t('calls.evaluation.ranking.pdfLink')}
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      {data.lines.length > 1 && <BudgetMoveForm ranking={data} onMoved={moved} />}
      {data.moves.length > 0 && (
        <section>
          <h2>{t('calls.evaluation.moves.history')}</h2>
          <ul data-testid="budget-moves">
            {data.moves.map((move) => (
              <li key={move.id}>
                {t('calls.evaluation.moves.line', { amount: formatEuros(language, move.amountCents), from: move.fromLine, to: move.toLine, when: formatDateTime(language, move.movedAt), who: move.movedBy ?? '—', reason: move.reason })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {indicators.data && <IndicatorsTable indicators={indicators.data} />}
    </section>
  )
}

function BudgetMoveForm({ ranking, onMoved }: { ranking: RankingResult; onMoved: (next: RankingResult) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const lines = ranking.lines.map((line) => ({ value: line.code, label: t('calls.evaluation.moves.option', { line: line.code, unspent: formatEuros(language, line.unspentCents) }) }))
  const [fromLine, setFromLine] = useState(ranking.lines.find((line) => line.unspentCents > 0)?.code ?? ranking.lines[0]?.code ?? '')
  const [toLine, setToLine] = useState(ranking.lines.find((line) => line.code !== fromLine)?.code ?? '')
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      const amountCents = parseEurosToCents(language, amount)
      onMoved(await api.post<RankingResult>(`/api/calls/${ranking.callId}/budget-moves`, { fromLine, toLine, amountCents: amountCents === null || Number.isNaN(amountCents) ? -1 : amountCents, reason }))
      setAmount('')
      setReason('')
    })
  return (
    <form
      data-testid="budget-move-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2>{t('calls.evaluation.moves.title')}</h2>
      <p className="muted">{t('calls.evaluation.moves.lead')}</p>
      <FormAlert failure={save.failure} />
      <div className="field-row field-row--three">
        <SelectField label={t('calls.evaluation.moves.from')} value={fromLine} onChange={setFromLine} options={lines} error={errorFor(save.failure, 'fromLine')} testId="move-from" />
        <SelectField label={t('calls.evaluation.moves.to')} value={toLine} onChange={setToLine} options={lines} error={errorFor(save.failure, 'toLine')} testId="move-to" />
        <TextField label={t('calls.evaluation.moves.amount')} value={amount} onChange={setAmount} inputMode="decimal" required error={errorFor(save.failure, 'amountCents')} testId="move-amount" />
      </div>
      <TextArea label={t('calls.evaluation.moves.reason')} value={reason} onChange={setReason} rows={2} required error={errorFor(save.failure, 'reason')} testId="move-reason" />
      <button type="submit" className="button" disabled={save.busy} data-testid="move-submit">
        {t('calls.evaluation.moves.submit')}
      </button>
    </form>
  )
}
