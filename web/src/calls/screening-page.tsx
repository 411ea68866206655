import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextArea, useSubmit } from '../platform/forms'
import { formatDateTime } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import type { Call, ScreeningRow } from './types'

export function ScreeningPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const call = useApi<{ call: Call }>(`/api/calls/${encodeURIComponent(id)}`)
  const list = useApi<{ items: ScreeningRow[] }>(`/api/calls/${encodeURIComponent(id)}/screening`)
  useDocumentTitle(t('calls.screening.title'))

  if (list.error) return <ErrorMessage error={list.error} />
  if (!list.data || !call.data) return <Loading />
  return (
    <section className="page" data-testid="screening-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={`/calls/${id}`}>{localized(language, call.data.call.titleIt, call.data.call.titleEn)}</Link>
      </nav>
      <header className="page-header">
        <div>
          <h1>{t('calls.screening.title')}</h1>
          <p className="page-lead">{t('calls.screening.lead')}</p>
        </div>
        {call.data.call.phase === 'closed' && (
          <div className="form-actions">
            <Link className="button" to={`/calls/${id}/evaluation`} data-testid="evaluation-link">
              {t('calls.evaluation.links.evaluation')}
            </Link>
            <Link className="button button--secondary" to={`/calls/${id}/ranking`} data-testid="ranking-link">
              {t('calls.evaluation.links.ranking')}
            </Link>
          </div>
        )}
      </header>
      {list.data.items.length === 0 && <p className="muted">{t('calls.screening.empty')}</p>}
      <table className="table" data-testid="screening-table">
        <thead>
          <tr>
            <th>{t('calls.proposal.title')}</th>
            <th>{t('calls.proposal.line')}</th>
            <th>{t('calls.proposal.lead')}</th>
            <th>{t('calls.screening.submitted')}</th>
            <th>{t('calls.screening.status')}</th>
            <th>{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {list.data.items.map((row) => (
            <ScreeningLine key={row.proposalId} row={row} onChanged={list.reload} />
          ))}
        </tbody>
      </table>
    </section>
  )
}

function ScreeningLine({ row, onChanged }: { row: ScreeningRow; onChanged: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [open, setOpen] = useState(false)
  const [eligible, setEligible] = useState(row.status === 'eligible' ? 'no' : 'yes')
  const [reason, setReason] = useState('')
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      await api.post(`/api/proposals/${row.proposalId}/screening`, { eligible: eligible === 'yes', reason })
      setOpen(false)
      setReason('')
      onChanged()
    })
  return (
    <tr data-testid="screening-row">
      <td>
        <Link to={`/calls/proposals/${row.proposalId}`}>{row.title}</Link>
        {row.failedChecks.length > 0 && (
          <ul>
            {row.failedChecks.map((check) => (
              <li key={check.rule}>✗ {check.message}</li>
            ))}
          </ul>
        )}
      </td>
      <td>{row.line}</td>
      <td>{row.leadName}</td>
      <td>{t('calls.proposal.versionLine', { version: row.version, when: formatDateTime(language, row.submittedAt) })}</td>
      <td data-testid="screening-status">
        {t(`calls.screening.${row.status}`)}
        {row.override && (
          <p className="muted" data-testid="screening-override">
            {t('calls.screening.overridden', { when: formatDateTime(language, row.override.at), reason: row.override.reason })}
          </p>
        )}
      </td>
      <td>
        {!open && (
          <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="override">
            {t('calls.screening.override')}
          </button>
        )}
        {open && (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              void submit()
            }}
          >
            <FormAlert failure={save.failure} />
            <SelectField label={t('calls.screening.decision')} value={eligible} onChange={setEligible} options={[{ value: 'yes', label: t('calls.screening.eligible') }, { value: 'no', label: t('calls.screening.ineligible') }]} />
            <TextArea label={t('calls.screening.reason')} value={reason} onChange={setReason} rows={3} required error={errorFor(save.failure, 'reason')} testId="override-reason" />
            <button type="submit" className="button" disabled={save.busy} data-testid="override-save">
              {t('common.save')}
            </button>
          </form>
        )}
      </td>
    </tr>
  )
}
