import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextField, useSubmit } from '../platform/forms'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import type { Call, Proposal } from './types'

/** The first step: which organisation leads, on which line, with what title. Everything else is filled in the draft. */
export function ProposalNewPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const navigate = useNavigate()
  const { data, error } = useApi<{ call: Call }>(`/api/calls/${encodeURIComponent(id)}`)
  const [lead, setLead] = useState(user?.organisations[0]?.id ?? '')
  const [line, setLine] = useState('')
  const [title, setTitle] = useState('')
  const create = useSubmit()
  useDocumentTitle(t('calls.proposal.newTitle'))

  if (!user) return <SignInRequired title={t('calls.proposal.newTitle')} />
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  const call = data.call
  const chosenLine = line || call.lines[0]?.code || ''
  const submit = (): Promise<void> =>
    create.run(async () => {
      const result = await api.post<{ proposal: Proposal }>(`/api/calls/${call.id}/proposals`, { leadOrganisationId: lead, line: chosenLine, title })
      await navigate(`/calls/proposals/${result.proposal.id}`)
    })

  return (
    <section className="page" data-testid="proposal-new">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={`/calls/${call.id}`}>{localized(language, call.titleIt, call.titleEn)}</Link>
      </nav>
      <h1>{t('calls.proposal.newTitle')}</h1>
      <p className="page-lead">{t('calls.proposal.newLead')}</p>
      <FormAlert failure={create.failure} />
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <SelectField label={t('calls.proposal.lead')} hint={t('calls.proposal.leadHint')} value={lead} onChange={setLead} options={user.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))} required error={errorFor(create.failure, 'leadOrganisationId')} testId="proposal-lead" />
        <SelectField
          label={t('calls.proposal.line')}
          value={chosenLine}
          onChange={setLine}
          options={call.lines.map((item) => ({ value: item.code, label: `${t('calls.proposal.lineShort', { line: item.code })} — ${localized(language, item.titleIt, item.titleEn)}` }))}
          required
          error={errorFor(create.failure, 'line')}
          testId="proposal-line"
        />
        <TextField label={t('calls.proposal.title')} value={title} onChange={setTitle} required error={errorFor(create.failure, 'title')} testId="proposal-title" />
        <div className="form-actions">
          <button type="submit" className="button" disabled={create.busy} data-testid="create-proposal">
            {t('calls.proposal.create')}
          </button>
        </div>
      </form>
    </section>
  )
}
