import { useEffect, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { SignInRequired } from '../accounts/sign-in-required'
import { useSession } from '../accounts/session'
import { OrganisationSearch } from '../organisations/organisation-search'
import { api } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { Checkbox, errorFor, Fieldset, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../platform/forms'
import { centsToEuroInput, formatDateTime, formatEuros, parseEurosToCents } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomySelect } from '../taxonomy/taxonomy-select'
import { percent } from './labels'
import type { Call, Eligibility, GrantEstimate, Proposal, ProposalPartner, Submission } from './types'

type PartnerForm = { organisationId: string; name: string; commitsToJoin: boolean; industrialResearch: string; experimentalDevelopment: string; other: string }
type Form = { line: string; title: string; abstract: string; taxonomyCode: string; trlStart: string; trlEnd: string; wideDissemination: boolean; partners: PartnerForm[] }

const trlOptions = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((value) => ({ value, label: value }))

function toForm(proposal: Proposal, language: 'it' | 'en'): Form {
  return {
    line: proposal.line,
    title: proposal.title,
    abstract: proposal.abstract,
    taxonomyCode: proposal.taxonomyCode ?? '',
    trlStart: proposal.trlStart === null ? '' : String(proposal.trlStart),
    trlEnd: proposal.trlEnd === null ? '' : String(proposal.trlEnd),
    wideDissemination: proposal.wideDissemination,
    partners: proposal.partners.map((partner) => ({
      organisationId: partner.organisationId,
      name: partner.name,
      commitsToJoin: partner.commitsToJoin,
      industrialResearch: centsToEuroInput(language, partner.costs.industrialResearch),
      experimentalDevelopment: centsToEuroInput(language, partner.costs.experimentalDevelopment),
      other: centsToEuroInput(language, partner.costs.other),
    })),
  }
}

function toPayload(form: Form, language: 'it' | 'en'): Record<string, unknown> {
  const cents = (text: string): number | null => parseEurosToCents(language, text) ?? 0
  return {
    line: form.line,
    title: form.title,
    abstract: form.abstract,
    taxonomyCode: form.taxonomyCode || null,
    trlStart: form.trlStart ? Number(form.trlStart) : null,
    trlEnd: form.trlEnd ? Number(form.trlEnd) : null,
    wideDissemination: form.wideDissemination,
    partners: form.partners.map((partner) => ({
      organisationId: partner.organisationId,
      commitsToJoin: partner.commitsToJoin,
      costs: { industrialResearch: cents(partner.industrialResearch), experimentalDevelopment: cents(partner.experimentalDevelopment), other: cents(partner.other) },
    })),
  }
}

/** The proposal editor: plain words, the rules checked live, the grant estimated per partner. */
export function ProposalPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const base = `/api/proposals/${encodeURIComponent(id)}`
  const { data, error, replace } = useApi<{ proposal: Proposal }>(user ? base : null)
  const proposal = data?.proposal
  const call = useApi<{ call: Call }>(proposal ? `/api/calls/${proposal.callId}` : null)
  const eligibility = useApi<Eligibility>(proposal ? `${base}/eligibility` : null)
  const grant = useApi<GrantEstimate>(proposal ? `${base}/grant` : null)
  const [form, setForm] = useState<Form | null>(null)
  const [dirty, setDirty] = useState(false)
  const [submitted, setSubmitted] = useState<Submission | null>(null)
  const save = useSubmit()
  const submission = useSubmit()
  useDocumentTitle(proposal?.title)

  useEffect(() => {
    if (proposal && !dirty) setForm(toForm(proposal, language))
    // Only a fresh load refills the form; typing must not be overwritten.
  }, [proposal])

  if (!user) return <SignInRequired title={t('calls.proposal.title')} />
  if (error) return <ErrorMessage error={error} />
  if (!proposal || !form) return <Loading />

  const afterChange = (fresh: Proposal): void => {
    setDirty(false)
    replace({ proposal: fresh })
    setForm(toForm(fresh, language))
    eligibility.reload()
    grant.reload()
  }
  const update = (changes: Partial<Form>): void => {
    setForm({ ...form, ...changes })
    setDirty(true)
    setSubmitted(null)
  }
  const saveDraft = (): Promise<void> => save.run(async () => afterChange((await api.patch<{ proposal: Proposal }>(base, toPayload(form, language))).proposal))
  const submit = (): Promise<void> =>
    submission.run(async () => {
      if (dirty) afterChange((await api.patch<{ proposal: Proposal }>(base, toPayload(form, language))).proposal)
      const result = await api.post<Submission>(`${base}/submit`)
      setSubmitted(result)
      afterChange((await api.get<{ proposal: Proposal }>(base)).proposal)
    })
  const confirm = (partner: ProposalPartner): Promise<void> =>
    save.run(async () => afterChange((await api.post<{ proposal: Proposal }>(`${base}/partners/${partner.organisationId}/confirm`)).proposal))
  const fieldError = (field: string): string | undefined => errorFor(save.failure ?? submission.failure, field)
  const editable = proposal.canEdit
  const byId = new Map(proposal.partners.map((partner) => [partner.organisationId, partner]))
  const lines = call.data?.call.lines ?? []

  return (
    <article className="page" data-testid="proposal-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to={`/calls/${proposal.callId}`}>{localized(language, proposal.callTitleIt, proposal.callTitleEn)}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker" data-testid="proposal-status">
            {proposal.currentVersion > 0 ? t('calls.proposal.submittedVersion', { version: proposal.currentVersion }) : t('calls.proposal.draft')}
            {proposal.currentVersion > 0 && proposal.changedSinceSubmission && <> · {t('calls.proposal.changedSince')}</>}
          </p>
          <h1>{proposal.title}</h1>
          <p className="page-subtitle">{t('calls.proposal.deadline', { when: formatDateTime(language, proposal.callClosesAt) })}</p>
        </div>
      </header>
      {submitted && (
        <Notice tone="success" testId="submitted">
          <p>{submitted.created ? t('calls.proposal.submittedNew', { version: submitted.version }) : t('calls.proposal.submittedSame', { version: submitted.version })}</p>
        </Notice>
      )}
      <FormAlert failure={save.failure} />
      <FormAlert failure={submission.failure} testId="submit-error" />

      <div className="two-columns">
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void saveDraft()
          }}
        >
          <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <Fieldset legend={t('calls.proposal.aboutProject')}>
              <SelectField label={t('calls.proposal.line')} value={form.line} onChange={(line) => update({ line })} options={lines.map((line) => ({ value: line.code, label: `${t('calls.proposal.lineShort', { line: line.code })} — ${localized(language, line.titleIt, line.titleEn)}` }))} error={fieldError('line')} />
              <TextField label={t('calls.proposal.title')} value={form.title} onChange={(title) => update({ title })} required error={fieldError('title')} testId="proposal-title" />
              <TextArea label={t('calls.proposal.abstract')} hint={t('calls.proposal.abstractHint')} value={form.abstract} onChange={(abstract) => update({ abstract })} error={fieldError('abstract')} testId="proposal-abstract" />
              <TaxonomySelect label={t('calls.proposal.priority')} hint={t('calls.proposal.priorityHint')} value={form.taxonomyCode} onChange={(taxonomyCode) => update({ taxonomyCode })} testId="proposal-priority" />
              <div className="field-row">
                <SelectField label={t('calls.proposal.trlStart')} hint={t('calls.proposal.trlHint')} value={form.trlStart} onChange={(trlStart) => update({ trlStart })} options={trlOptions} emptyLabel="—" error={fieldError('trlStart')} testId="proposal-trl-start" />
                <SelectField label={t('calls.proposal.trlEnd')} value={form.trlEnd} onChange={(trlEnd) => update({ trlEnd })} options={trlOptions} emptyLabel="—" error={fieldError('trlEnd')} testId="proposal-trl-end" />
              </div>
              <Checkbox label={t('calls.proposal.wideDissemination')} hint={t('calls.proposal.wideDisseminationHint')} checked={form.wideDissemination} onChange={(wideDissemination) => update({ wideDissemination })} testId="proposal-dissemination" />
            </Fieldset>

            <Fieldset legend={t('calls.proposal.partners')} hint={t('calls.proposal.costsHint')}>
              {form.partners.map((partner, index) => {
                const known = byId.get(partner.organisationId)
                const setPartner = (changes: Partial<PartnerForm>): void => update({ partners: form.partners.map((item, i) => (i === index ? { ...item, ...changes } : item)) })
                return (
                  <div className="contact-editor" key={partner.organisationId} data-testid="partner-row">
                    <p>
                      <strong>{partner.name}</strong>
                      {known?.lead && <span className="badge"> {t('calls.proposal.leadBadge')}</span>}
                      {known && (
                        <span className="muted">
                          {' '}
                          · {t(`calls.partnerTypes.${known.type}`)}
                          {known.size && <> · {t(`calls.sizes.${known.size}`)}</>} · {known.member ? t('calls.proposal.member') : t('calls.proposal.notMember')} ·{' '}
                          {known.confirmed ? t('calls.proposal.confirmed') : t('calls.proposal.notConfirmed')}
                        </span>
                      )}
                      {known?.canConfirm && (
                        <button type="button" className="button button--secondary" onClick={() => void confirm(known)} data-testid="confirm-partner">
                          {t('calls.proposal.confirm')}
                        </button>
                      )}
                    </p>
                    <div className="field-row field-row--three">
                      <TextField label={t('calls.proposal.industrialResearch')} value={partner.industrialResearch} onChange={(industrialResearch) => setPartner({ industrialResearch })} inputMode="decimal" error={fieldError(`partners.${index}.costs.industrialResearch`)} testId={`cost-research-${index}`} />
                      <TextField label={t('calls.proposal.experimentalDevelopment')} value={partner.experimentalDevelopment} onChange={(experimentalDevelopment) => setPartner({ experimentalDevelopment })} inputMode="decimal" error={fieldError(`partners.${index}.costs.experimentalDevelopment`)} testId={`cost-development-${index}`} />
                      <TextField label={t('calls.proposal.otherCosts')} hint={t('calls.proposal.otherCostsHint')} value={partner.other} onChange={(other) => setPartner({ other })} inputMode="decimal" error={fieldError(`partners.${index}.costs.other`)} testId={`cost-other-${index}`} />
                    </div>
                    {!known?.member && <Checkbox label={t('calls.proposal.commitsToJoin')} checked={partner.commitsToJoin} onChange={(commitsToJoin) => setPartner({ commitsToJoin })} testId={`commits-${index}`} />}
                    {!known?.lead && editable && (
                      <button type="button" className="link-button link-button--danger" onClick={() => update({ partners: form.partners.filter((_, i) => i !== index) })}>
                        {t('common.remove')}
                      </button>
                    )}
                  </div>
                )
              })}
              {editable && (
                <OrganisationSearch
                  label={t('calls.proposal.addPartner')}
                  selected={null}
                  onSelect={(organisation) => {
                    if (!organisation || form.partners.some((partner) => partner.organisationId === organisation.id)) return
                    update({ partners: [...form.partners, { organisationId: organisation.id, name: organisation.legalName, commitsToJoin: false, industrialResearch: '', experimentalDevelopment: '', other: '' }] })
                  }}
                />
              )}
            </Fieldset>
          </fieldset>
          {editable && (
            <div className="form-actions">
              <button type="submit" className="button button--secondary" disabled={save.busy || !dirty} data-testid="save-proposal">
                {save.busy ? t('common.saving') : dirty ? t('calls.proposal.saveDraft') : t('calls.proposal.draftSaved')}
              </button>
              <button type="button" className="button" disabled={submission.busy} onClick={() => void submit()} data-testid="submit-proposal">
                {t('calls.proposal.submit')}
              </button>
            </div>
          )}
          {proposal.versions.length > 0 && (
            <section aria-labelledby="versions-title">
              <h2 id="versions-title">{t('calls.proposal.versions')}</h2>
              <ul data-testid="proposal-versions">
                {proposal.versions.map((version) => (
                  <li key={version.version}>{t('calls.proposal.versionLine', { version: version.version, when: formatDateTime(language, version.submittedAt) })}</li>
                ))}
              </ul>
            </section>
          )}
        </form>

        <aside>
          <section aria-labelledby="checks-title" aria-live="polite" data-testid="eligibility-panel">
            <h2 id="checks-title">{t('calls.proposal.checks')}</h2>
            {dirty && <p className="muted">{t('calls.proposal.checksAfterSave')}</p>}
            {eligibility.data && (
              <>
                <Notice tone={eligibility.data.eligible ? 'success' : 'warning'} testId="eligibility-verdict">
                  <p>{eligibility.data.eligible ? t('calls.proposal.eligibleYes') : t('calls.proposal.eligibleNo')}</p>
                </Notice>
                <ul className="plain-list">
                  {eligibility.data.checks.map((check) => (
                    <li key={check.rule} data-testid={`check-${check.rule}`} data-passed={check.passed}>
                      <span aria-hidden="true">{check.passed ? '✓ ' : '✗ '}</span>
                      <span className="visually-hidden">{check.passed ? t('calls.proposal.passed') : t('calls.proposal.failed')}: </span>
                      {check.message}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section aria-labelledby="grant-title" data-testid="grant-panel">
            <h2 id="grant-title">{t('calls.proposal.grant')}</h2>
            <p className="field-hint">{t('calls.proposal.grantHint')}</p>
            {grant.data && (
              <>
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('calls.proposal.partner')}</th>
                      <th>{t('calls.proposal.rates')}</th>
                      <th>{t('calls.proposal.grantAmount')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {grant.data.partners.map((partner) => (
                      <tr key={partner.organisationId}>
                        <td>{partner.name}</td>
                        <td>
                          {t('calls.proposal.ratesText', { research: percent(language, partner.intensity.industrialResearch), development: percent(language, partner.intensity.experimentalDevelopment) })}
                        </td>
                        <td data-testid="partner-grant">{formatEuros(language, partner.grant)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p data-testid="grant-total">
                  <strong>{t('calls.proposal.grantTotal', { amount: formatEuros(language, grant.data.total) })}</strong>
                </p>
                <p className="muted">
                  {grant.data.collaboration.length > 0
                    ? t('calls.proposal.bonusYes', { reasons: grant.data.collaboration.map((reason) => t(`calls.collaboration.${reason}`)).join('; ') })
                    : t('calls.proposal.bonusNo')}
                </p>
              </>
            )}
          </section>
        </aside>
      </div>
    </article>
  )
}
