import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextArea, useSubmit } from '../platform/forms'
import { formatDateTime, formatEuros, formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { panelMean, scoreOptions } from './evaluation-logic'
import type { EvaluationDetail, ScoreRow } from './evaluation-types'
import { isOfficer } from './labels'
import type { Criterion } from './types'

/** One proposal as its evaluators see it: the frozen version, my scoring form, and the rapporteur's consensus form. */
export function EvaluationPage(): ReactElement {
  const { proposalId = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const { data, error, replace } = useApi<{ evaluation: EvaluationDetail }>(`/api/proposals/${encodeURIComponent(proposalId)}/evaluation`)
  useDocumentTitle(data?.evaluation.title)
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  const evaluation = data.evaluation
  const criterionName = (code: string): string => {
    const criterion = evaluation.criteria.find((item) => item.code === code)
    return criterion ? localized(language, criterion.nameIt, criterion.nameEn) : code
  }
  return (
    <article className="page" data-testid="evaluation-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        {isOfficer(user) ? <Link to={`/calls/${evaluation.callId}/evaluation`}>{t('calls.evaluation.assignment.title')}</Link> : <Link to="/calls/evaluations">{t('calls.evaluation.mine.title')}</Link>}
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker">
            {localized(language, evaluation.callTitleIt, evaluation.callTitleEn)} · {t('calls.evaluation.line', { line: evaluation.line })}
          </p>
          <h1>{evaluation.title}</h1>
          <p className="muted">{t('calls.evaluation.detail.version', { version: evaluation.version })}</p>
          {evaluation.rapporteur && (
            <p className="muted" data-testid="rapporteur">
              {evaluation.isRapporteur ? t('calls.evaluation.detail.youAreRapporteur') : t('calls.evaluation.detail.rapporteur', { name: evaluation.rapporteur.name })}
            </p>
          )}
        </div>
      </header>
      <section>
        <p className="prose">{evaluation.abstract}</p>
        <div className="facts">
          <dl>
            <dt>{t('calls.proposal.priority')}</dt>
            <dd>{evaluation.taxonomyCode ? <TaxonomyLabels codes={[evaluation.taxonomyCode]} /> : '—'}</dd>
            <dt>{t('calls.evaluation.detail.trl')}</dt>
            <dd>
              {evaluation.trlStart ?? '—'} → {evaluation.trlEnd ?? '—'}
            </dd>
            <dt>{t('calls.evaluation.detail.grant')}</dt>
            <dd>{formatEuros(language, evaluation.grantCents)}</dd>
          </dl>
        </div>
        <h2>{t('calls.evaluation.detail.partners')}</h2>
        <ul>
          {evaluation.partners.map((partner, index) => (
            <li key={index}>
              {partner.name} ({t(`calls.partnerTypes.${partner.type}`)}
              {partner.lead ? `, ${t('calls.evaluation.detail.lead')}` : ''}) — {formatEuros(language, partner.costsCents)}
            </li>
          ))}
        </ul>
      </section>

      {evaluation.consensus && (
        <section data-testid="consensus-result">
          <h2>{t('calls.evaluation.consensus.title')}</h2>
          <p data-testid="consensus-total">{t('calls.evaluation.consensus.total', { total: formatNumber(language, evaluation.consensus.weightedTotal) })}</p>
          <Scores scores={evaluation.consensus.scores} name={criterionName} />
          <p>{evaluation.consensus.comment}</p>
        </section>
      )}

      {evaluation.myReport && (
        <section data-testid="my-report">
          <h2>{t('calls.evaluation.report.mine')}</h2>
          <p className="muted">{t('calls.evaluation.report.submittedAt', { when: formatDateTime(language, evaluation.myReport.submittedAt) })}</p>
          <Scores scores={evaluation.myReport.scores} name={criterionName} />
        </section>
      )}
      {evaluation.canReport && evaluation.isRapporteur && <p className="muted">{t('calls.evaluation.report.rapporteurNote')}</p>}
      {evaluation.canReport && <ReportForm evaluation={evaluation} onSaved={(next) => replace({ evaluation: next })} />}
      {evaluation.canReport && <DeclineForm proposalId={evaluation.proposalId} />}

      {evaluation.reports.length > 0 && (
        <section data-testid="panel-reports">
          <h2>{t('calls.evaluation.report.panel', { done: evaluation.reports.length, expected: evaluation.reportsExpected })}</h2>
          {evaluation.reports.map((report) => (
            <article className="card" key={report.evaluatorName + report.submittedAt}>
              <h3>{report.evaluatorName}</h3>
              <Scores scores={report.scores} name={criterionName} />
            </article>
          ))}
        </section>
      )}
      {evaluation.isRapporteur && evaluation.myReport && !evaluation.consensus && !evaluation.canWriteConsensus && <p className="muted">{t('calls.evaluation.consensus.waiting')}</p>}
      {evaluation.canWriteConsensus && <ConsensusForm evaluation={evaluation} onSaved={(next) => replace({ evaluation: next })} />}
    </article>
  )
}

function Scores({ scores, name }: { scores: ScoreRow[]; name: (code: string) => string }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <div className="facts">
      <dl>
        {scores.map((item) => (
          <div key={item.criterion} data-testid={`scored-${item.criterion}`}>
            <dt>{t('calls.evaluation.report.scoreLine', { criterion: name(item.criterion), score: formatNumber(language, item.score) })}</dt>
            <dd>{item.comment}</dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

type Draft = Record<string, { score: string; comment: string }>

function emptyDraft(criteria: Criterion[], from?: ScoreRow[][]): Draft {
  return Object.fromEntries(
    criteria.map((criterion) => {
      const given = (from ?? []).map((scores) => scores.find((item) => item.criterion === criterion.code)?.score).filter((score): score is number => score !== undefined)
      const mean = panelMean(given)
      return [criterion.code, { score: mean === null ? '' : String(mean), comment: '' }]
    }),
  )
}

function ScoreFields({ criteria, draft, setDraft, failure, prefix }: { criteria: Criterion[]; draft: Draft; setDraft: (draft: Draft) => void; failure: Parameters<typeof errorFor>[0]; prefix: string }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <>
      {criteria.map((criterion, index) => {
        const value = draft[criterion.code] ?? { score: '', comment: '' }
        const set = (change: Partial<typeof value>): void => setDraft({ ...draft, [criterion.code]: { ...value, ...change } })
        return (
          <fieldset key={criterion.code} className="fieldset">
            <legend>
              {localized(language, criterion.nameIt, criterion.nameEn)}{' '}
              <span className="muted">{t('calls.call.criterionWeight', { weight: formatNumber(language, criterion.weight), threshold: formatNumber(language, criterion.threshold) })}</span>
            </legend>
            <SelectField
              label={t('calls.evaluation.report.score')}
              value={value.score}
              onChange={(score) => set({ score })}
              options={scoreOptions.map((score) => ({ value: String(score), label: formatNumber(language, score) }))}
              emptyLabel={t('calls.evaluation.report.chooseScore')}
              required
              error={errorFor(failure, `scores.${index}.score`)}
              testId={`${prefix}score-${criterion.code}`}
            />
            <TextArea label={t('calls.evaluation.report.comment')} value={value.comment} onChange={(comment) => set({ comment })} rows={3} required error={errorFor(failure, `scores.${index}.comment`)} testId={`${prefix}comment-${criterion.code}`} />
          </fieldset>
        )
      })}
    </>
  )
}

function toScores(criteria: Criterion[], draft: Draft): { criterion: string; score: number; comment: string }[] {
  return criteria.map((criterion) => ({
    criterion: criterion.code,
    score: Number(draft[criterion.code]?.score === '' ? Number.NaN : draft[criterion.code]?.score),
    comment: draft[criterion.code]?.comment ?? '',
  }))
}

function ReportForm({ evaluation, onSaved }: { evaluation: EvaluationDetail; onSaved: (next: EvaluationDetail) => void }): ReactElement {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(evaluation.criteria))
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      const answer = await api.put<{ evaluation: EvaluationDetail }>(`/api/proposals/${evaluation.proposalId}/evaluation/report`, { scores: toScores(evaluation.criteria, draft) })
      onSaved(answer.evaluation)
    })
  return (
    <form
      data-testid="report-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2>{t('calls.evaluation.report.title')}</h2>
      <p className="muted">{t('calls.evaluation.report.lead')}</p>
      <FormAlert failure={save.failure} />
      <ScoreFields criteria={evaluation.criteria} draft={draft} setDraft={setDraft} failure={save.failure} prefix="" />
      <button type="submit" className="button" disabled={save.busy} data-testid="submit-report">
        {t('calls.evaluation.report.submit')}
      </button>
    </form>
  )
}

function DeclineForm({ proposalId }: { proposalId: string }): ReactElement {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const save = useSubmit()
  if (!open) {
    return (
      <p>
        <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="decline">
          {t('calls.evaluation.decline.open')}
        </button>
      </p>
    )
  }
  const submit = (): Promise<void> =>
    save.run(async () => {
      await api.post(`/api/proposals/${proposalId}/evaluation/decline`, { reason })
      await navigate('/calls/evaluations')
    })
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <Notice tone="warning">{t('calls.evaluation.decline.lead')}</Notice>
      <FormAlert failure={save.failure} />
      <TextArea label={t('calls.evaluation.decline.reason')} value={reason} onChange={setReason} rows={3} required error={errorFor(save.failure, 'reason')} testId="decline-reason" />
      <button type="submit" className="button button--secondary" disabled={save.busy} data-testid="decline-submit">
        {t('calls.evaluation.decline.submit')}
      </button>
    </form>
  )
}

function ConsensusForm({ evaluation, onSaved }: { evaluation: EvaluationDetail; onSaved: (next: EvaluationDetail) => void }): ReactElement {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(evaluation.criteria, evaluation.reports.map((report) => report.scores)))
  const [comment, setComment] = useState('')
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      const answer = await api.put<{ evaluation: EvaluationDetail }>(`/api/proposals/${evaluation.proposalId}/evaluation/consensus`, { scores: toScores(evaluation.criteria, draft), comment })
      onSaved(answer.evaluation)
    })
  return (
    <form
      data-testid="consensus-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2>{t('calls.evaluation.consensus.write')}</h2>
      <p className="muted">{t('calls.evaluation.consensus.lead')}</p>
      <FormAlert failure={save.failure} />
      <ScoreFields criteria={evaluation.criteria} draft={draft} setDraft={setDraft} failure={save.failure} prefix="consensus-" />
      <TextArea label={t('calls.evaluation.consensus.summary')} value={comment} onChange={setComment} rows={4} required error={errorFor(save.failure, 'comment')} testId="consensus-summary" />
      <button type="submit" className="button" disabled={save.busy} data-testid="submit-consensus">
        {t('calls.evaluation.consensus.submit')}
      </button>
    </form>
  )
}
