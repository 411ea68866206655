import { useEffect, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { budgetSources } from '../../../src/calls/call-terms'
import { romeLocalToInstant, toRomeLocal } from '../../../src/platform/rome-time'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { useClusters } from '../districts/use-clusters'
import { api } from '../platform/api'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { Checkbox, errorFor, Fieldset, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../platform/forms'
import { centsToEuroInput, parseEurosToCents } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyPicker } from '../taxonomy/taxonomy-picker'
import { AttachmentsEditor } from './attachments/attachments-editor'
import { isOfficer } from './labels'
import type { BudgetSource, Call, CallRules, Criterion, FaqEntry } from './types'

type LineForm = { code: string; titleIt: string; titleEn: string; budget: string; membersOnly: boolean; nonMembersMustCommit: boolean; clusterSlug: string }
type ShareForm = { source: BudgetSource; year: string; amount: string }
type CriterionForm = { code: string; nameIt: string; nameEn: string; weight: string; threshold: string }
type RulesForm = { trlStartMin: string; trlEndMin: string; researchShareMustExceedDevelopment: boolean; minPartners: string; minSmes: string; researchOrganisationIntensity: string }

type Form = {
  titleIt: string
  titleEn: string
  summaryIt: string
  summaryEn: string
  textIt: string
  textEn: string
  opensAt: string
  closesAt: string
  lines: LineForm[]
  budget: ShareForm[]
  rules: RulesForm
  priorities: string[]
  criteria: CriterionForm[]
  faq: FaqEntry[]
}

function emptyForm(): Form {
  return {
    titleIt: '',
    titleEn: '',
    summaryIt: '',
    summaryEn: '',
    textIt: '',
    textEn: '',
    opensAt: '',
    closesAt: '',
    lines: [{ code: 'A', titleIt: '', titleEn: '', budget: '', membersOnly: false, nonMembersMustCommit: false, clusterSlug: '' }],
    budget: [],
    rules: { trlStartMin: '', trlEndMin: '', researchShareMustExceedDevelopment: false, minPartners: '', minSmes: '', researchOrganisationIntensity: '' },
    priorities: [],
    criteria: [],
    faq: [],
  }
}

function toForm(call: Call, language: 'it' | 'en'): Form {
  const number = (value: number | undefined): string => (value === undefined ? '' : String(value))
  return {
    ...call,
    opensAt: toRomeLocal(call.opensAt),
    closesAt: toRomeLocal(call.closesAt),
    lines: call.lines.map((line) => ({ ...line, budget: centsToEuroInput(language, line.budgetCents), clusterSlug: line.clusterSlug ?? '' })),
    budget: call.budget.map((share) => ({ source: share.source, year: String(share.year), amount: centsToEuroInput(language, share.amountCents) })),
    rules: {
      trlStartMin: number(call.rules.trlStartMin),
      trlEndMin: number(call.rules.trlEndMin),
      researchShareMustExceedDevelopment: call.rules.researchShareMustExceedDevelopment ?? false,
      minPartners: number(call.rules.minPartners),
      minSmes: number(call.rules.minSmes),
      researchOrganisationIntensity: call.rules.researchOrganisationIntensity === undefined ? '' : String(call.rules.researchOrganisationIntensity / 100),
    },
    criteria: call.criteria.map((criterion) => ({ ...criterion, weight: String(criterion.weight), threshold: String(criterion.threshold) })),
  }
}

/** Numbers the user left blank stay out: an absent rule does not apply. A typo becomes NaN, which the server refuses by field. */
function toPayload(form: Form, language: 'it' | 'en'): Record<string, unknown> {
  const rules: CallRules = {}
  const set = (key: keyof Omit<CallRules, 'researchShareMustExceedDevelopment'>, text: string, scale = 1): void => {
    if (text.trim() !== '') rules[key] = Math.round(Number(text.replace(',', '.')) * scale)
  }
  set('trlStartMin', form.rules.trlStartMin)
  set('trlEndMin', form.rules.trlEndMin)
  set('minPartners', form.rules.minPartners)
  set('minSmes', form.rules.minSmes)
  set('researchOrganisationIntensity', form.rules.researchOrganisationIntensity, 100)
  if (form.rules.researchShareMustExceedDevelopment) rules.researchShareMustExceedDevelopment = true
  const cents = (text: string): number | null => parseEurosToCents(language, text)
  return {
    titleIt: form.titleIt,
    titleEn: form.titleEn,
    summaryIt: form.summaryIt,
    summaryEn: form.summaryEn,
    textIt: form.textIt,
    textEn: form.textEn,
    opensAt: romeLocalToInstant(form.opensAt)?.toISOString() ?? form.opensAt,
    closesAt: romeLocalToInstant(form.closesAt)?.toISOString() ?? form.closesAt,
    lines: form.lines.map((line) => ({
      code: line.code.trim().toUpperCase(),
      titleIt: line.titleIt,
      titleEn: line.titleEn,
      budgetCents: cents(line.budget),
      membersOnly: line.membersOnly,
      nonMembersMustCommit: line.nonMembersMustCommit,
      clusterSlug: line.clusterSlug || null,
    })),
    budget: form.budget.map((share) => ({ source: share.source, year: Number(share.year), amountCents: cents(share.amount) })),
    rules,
    priorities: form.priorities,
    criteria: form.criteria.map((criterion): Criterion => ({ ...criterion, weight: Number(criterion.weight.replace(',', '.')), threshold: Number(criterion.threshold.replace(',', '.')) })),
    faq: form.faq,
  }
}

export function CallEditorPage(): ReactElement {
  const { id } = useParams()
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const navigate = useNavigate()
  const existing = useApi<{ call: Call }>(id ? `/api/calls/${encodeURIComponent(id)}` : null)
  const clusters = useClusters()
  const [form, setForm] = useState<Form | null>(id ? null : emptyForm())
  const save = useSubmit()
  useDocumentTitle(id ? t('calls.editor.editTitle') : t('calls.editor.newTitle'))

  useEffect(() => {
    if (existing.data) setForm(toForm(existing.data.call, language))
    // The form is filled once; a language switch must not discard what the officer typed.
  }, [existing.data])

  if (!user) return <SignInRequired title={t('calls.editor.newTitle')} />
  if (!isOfficer(user)) return <p className="muted">{t('calls.editor.officersOnly')}</p>
  if (existing.error) return <ErrorMessage error={existing.error} />
  if (!form) return <Loading />

  const update = (changes: Partial<Form>): void => setForm({ ...form, ...changes })
  const fieldError = (field: string): string | undefined => errorFor(save.failure, field)
  const submit = (): Promise<void> =>
    save.run(async () => {
      const payload = toPayload(form, language)
      const result = id ? await api.patch<{ call: Call }>(`/api/calls/${id}`, payload) : await api.post<{ call: Call }>('/api/calls', payload)
      await navigate(`/calls/${result.call.id}`)
    })
  const clusterOptions = (clusters.data?.items ?? []).map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))

  return (
    <section className="page" data-testid="call-editor">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/calls">{t('calls.list.title')}</Link>
      </nav>
      <h1>{id ? t('calls.editor.editTitle') : t('calls.editor.newTitle')}</h1>
      <FormAlert failure={save.failure} />
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
      >
        <Fieldset legend={t('calls.editor.texts')}>
          <div className="field-row">
            <TextField label={t('calls.editor.titleIt')} value={form.titleIt} onChange={(titleIt) => update({ titleIt })} required error={fieldError('titleIt')} testId="call-title-it" />
            <TextField label={t('calls.editor.titleEn')} value={form.titleEn} onChange={(titleEn) => update({ titleEn })} required error={fieldError('titleEn')} testId="call-title-en" />
          </div>
          <div className="field-row">
            <TextArea label={t('calls.editor.summaryIt')} value={form.summaryIt} onChange={(summaryIt) => update({ summaryIt })} rows={3} lang="it" error={fieldError('summaryIt')} />
            <TextArea label={t('calls.editor.summaryEn')} value={form.summaryEn} onChange={(summaryEn) => update({ summaryEn })} rows={3} lang="en" error={fieldError('summaryEn')} />
          </div>
          <div className="field-row">
            <TextArea label={t('calls.editor.textIt')} value={form.textIt} onChange={(textIt) => update({ textIt })} rows={8} lang="it" error={fieldError('textIt')} />
            <TextArea label={t('calls.editor.textEn')} value={form.textEn} onChange={(textEn) => update({ textEn })} rows={8} lang="en" error={fieldError('textEn')} />
          </div>
        </Fieldset>

        <Fieldset legend={t('calls.editor.dates')} hint={t('calls.editor.datesHint')}>
          <div className="field-row">
            <DateTimeField label={t('calls.call.opens')} value={form.opensAt} onChange={(opensAt) => update({ opensAt })} error={fieldError('opensAt')} testId="call-opens" />
            <DateTimeField label={t('calls.call.closes')} value={form.closesAt} onChange={(closesAt) => update({ closesAt })} error={fieldError('closesAt')} testId="call-closes" />
          </div>
        </Fieldset>

        <Fieldset legend={t('calls.call.lines')}>
          {form.lines.map((line, index) => {
            const setLine = (changes: Partial<LineForm>): void => update({ lines: form.lines.map((item, i) => (i === index ? { ...item, ...changes } : item)) })
            return (
              <div className="contact-editor" key={index} data-testid="line-row">
                <div className="field-row field-row--three">
                  <TextField label={t('calls.editor.lineCode')} value={line.code} onChange={(code) => setLine({ code })} required error={fieldError(`lines.${index}.code`)} testId={`line-code-${index}`} />
                  <TextField label={t('calls.editor.titleIt')} value={line.titleIt} onChange={(titleIt) => setLine({ titleIt })} required error={fieldError(`lines.${index}.titleIt`)} testId={`line-title-it-${index}`} />
                  <TextField label={t('calls.editor.titleEn')} value={line.titleEn} onChange={(titleEn) => setLine({ titleEn })} required error={fieldError(`lines.${index}.titleEn`)} testId={`line-title-en-${index}`} />
                </div>
                <div className="field-row">
                  <TextField label={t('calls.editor.lineBudget')} value={line.budget} onChange={(budget) => setLine({ budget })} inputMode="decimal" required error={fieldError(`lines.${index}.budgetCents`)} testId={`line-budget-${index}`} />
                  <SelectField label={t('calls.editor.lineCluster')} value={line.clusterSlug} onChange={(clusterSlug) => setLine({ clusterSlug })} options={clusterOptions} emptyLabel={t('calls.editor.noCluster')} error={fieldError(`lines.${index}.clusterSlug`)} testId={`line-cluster-${index}`} />
                </div>
                <Checkbox label={t('calls.editor.membersOnly')} checked={line.membersOnly} onChange={(membersOnly) => setLine({ membersOnly })} testId={`line-members-${index}`} />
                <Checkbox label={t('calls.editor.nonMembersCommit')} checked={line.nonMembersMustCommit} onChange={(nonMembersMustCommit) => setLine({ nonMembersMustCommit })} testId={`line-commit-${index}`} />
                {form.lines.length > 1 && (
                  <button type="button" className="link-button link-button--danger" onClick={() => update({ lines: form.lines.filter((_, i) => i !== index) })}>
                    {t('common.remove')}
                  </button>
                )}
              </div>
            )
          })}
          <button type="button" className="button button--secondary" data-testid="add-line" onClick={() => update({ lines: [...form.lines, { code: String.fromCharCode(65 + form.lines.length), titleIt: '', titleEn: '', budget: '', membersOnly: false, nonMembersMustCommit: false, clusterSlug: '' }] })}>
            {t('calls.editor.addLine')}
          </button>
        </Fieldset>

        <Fieldset legend={t('calls.call.budgetSources')}>
          {form.budget.map((share, index) => {
            const setShare = (changes: Partial<ShareForm>): void => update({ budget: form.budget.map((item, i) => (i === index ? { ...item, ...changes } : item)) })
            return (
              <div className="field-row field-row--three" key={index}>
                <SelectField label={t('calls.editor.source')} value={share.source} onChange={(source) => setShare({ source: source as BudgetSource })} options={budgetSources.map((source) => ({ value: source, label: t(`calls.sources.${source}`) }))} />
                <TextField label={t('calls.editor.year')} value={share.year} onChange={(year) => setShare({ year })} inputMode="numeric" error={fieldError(`budget.${index}.year`)} />
                <TextField label={t('calls.editor.amount')} value={share.amount} onChange={(amount) => setShare({ amount })} inputMode="decimal" error={fieldError(`budget.${index}.amountCents`)} />
              </div>
            )
          })}
          <button type="button" className="button button--secondary" onClick={() => update({ budget: [...form.budget, { source: 'regional', year: String(new Date().getFullYear()), amount: '' }] })}>
            {t('calls.editor.addShare')}
          </button>
        </Fieldset>

        <Fieldset legend={t('calls.editor.rules')} hint={t('calls.editor.rulesHint')}>
          <div className="field-row field-row--three">
            <TextField label={t('calls.editor.trlStartMin')} value={form.rules.trlStartMin} onChange={(trlStartMin) => update({ rules: { ...form.rules, trlStartMin } })} inputMode="numeric" error={fieldError('rules.trlStartMin')} testId="rule-trl-start" />
            <TextField label={t('calls.editor.trlEndMin')} value={form.rules.trlEndMin} onChange={(trlEndMin) => update({ rules: { ...form.rules, trlEndMin } })} inputMode="numeric" error={fieldError('rules.trlEndMin')} testId="rule-trl-end" />
            <TextField label={t('calls.editor.researchIntensity')} value={form.rules.researchOrganisationIntensity} onChange={(researchOrganisationIntensity) => update({ rules: { ...form.rules, researchOrganisationIntensity } })} inputMode="decimal" error={fieldError('rules.researchOrganisationIntensity')} />
          </div>
          <div className="field-row">
            <TextField label={t('calls.editor.minPartners')} value={form.rules.minPartners} onChange={(minPartners) => update({ rules: { ...form.rules, minPartners } })} inputMode="numeric" error={fieldError('rules.minPartners')} />
            <TextField label={t('calls.editor.minSmes')} value={form.rules.minSmes} onChange={(minSmes) => update({ rules: { ...form.rules, minSmes } })} inputMode="numeric" error={fieldError('rules.minSmes')} />
          </div>
          <Checkbox label={t('calls.rulesText.researchShare')} checked={form.rules.researchShareMustExceedDevelopment} onChange={(researchShareMustExceedDevelopment) => update({ rules: { ...form.rules, researchShareMustExceedDevelopment } })} testId="rule-research-share" />
          <TaxonomyPicker legend={t('calls.call.priorities')} hint={t('calls.editor.prioritiesHint')} value={form.priorities} onChange={(priorities) => update({ priorities })} error={fieldError('priorities')} />
        </Fieldset>

        <Fieldset legend={t('calls.call.criteria')}>
          {form.criteria.map((criterion, index) => {
            const setCriterion = (changes: Partial<CriterionForm>): void => update({ criteria: form.criteria.map((item, i) => (i === index ? { ...item, ...changes } : item)) })
            return (
              <div className="contact-editor" key={index}>
                <div className="field-row field-row--three">
                  <TextField label={t('calls.editor.criterionCode')} value={criterion.code} onChange={(code) => setCriterion({ code })} error={fieldError(`criteria.${index}.code`)} />
                  <TextField label={t('calls.editor.titleIt')} value={criterion.nameIt} onChange={(nameIt) => setCriterion({ nameIt })} error={fieldError(`criteria.${index}.nameIt`)} />
                  <TextField label={t('calls.editor.titleEn')} value={criterion.nameEn} onChange={(nameEn) => setCriterion({ nameEn })} error={fieldError(`criteria.${index}.nameEn`)} />
                </div>
                <div className="field-row">
                  <TextField label={t('calls.editor.weight')} value={criterion.weight} onChange={(weight) => setCriterion({ weight })} inputMode="decimal" error={fieldError(`criteria.${index}.weight`)} />
                  <TextField label={t('calls.editor.threshold')} value={criterion.threshold} onChange={(threshold) => setCriterion({ threshold })} inputMode="decimal" error={fieldError(`criteria.${index}.threshold`)} />
                </div>
                <button type="button" className="link-button link-button--danger" onClick={() => update({ criteria: form.criteria.filter((_, i) => i !== index) })}>
                  {t('common.remove')}
                </button>
              </div>
            )
          })}
          <button type="button" className="button button--secondary" onClick={() => update({ criteria: [...form.criteria, { code: `c${form.criteria.length + 1}`, nameIt: '', nameEn: '', weight: '', threshold: '' }] })}>
            {t('calls.editor.addCriterion')}
          </button>
        </Fieldset>

        <Fieldset legend={t('calls.call.faq')}>
          {form.faq.map((entry, index) => {
            const setEntry = (changes: Partial<FaqEntry>): void => update({ faq: form.faq.map((item, i) => (i === index ? { ...item, ...changes } : item)) })
            return (
              <div className="contact-editor" key={index}>
                <div className="field-row">
                  <TextField label={t('calls.editor.questionIt')} value={entry.questionIt} onChange={(questionIt) => setEntry({ questionIt })} error={fieldError(`faq.${index}.questionIt`)} />
                  <TextField label={t('calls.editor.questionEn')} value={entry.questionEn} onChange={(questionEn) => setEntry({ questionEn })} error={fieldError(`faq.${index}.questionEn`)} />
                </div>
                <div className="field-row">
                  <TextArea label={t('calls.editor.answerIt')} value={entry.answerIt} onChange={(answerIt) => setEntry({ answerIt })} rows={3} lang="it" error={fieldError(`faq.${index}.answerIt`)} />
                  <TextArea label={t('calls.editor.answerEn')} value={entry.answerEn} onChange={(answerEn) => setEntry({ answerEn })} rows={3} lang="en" error={fieldError(`faq.${index}.answerEn`)} />
                </div>
                <button type="button" className="link-button link-button--danger" onClick={() => update({ faq: form.faq.filter((_, i) => i !== index) })}>
                  {t('common.remove')}
                </button>
              </div>
            )
          })}
          <button type="button" className="button button--secondary" onClick={() => update({ faq: [...form.faq, { questionIt: '', questionEn: '', answerIt: '', answerEn: '' }] })}>
            {t('calls.editor.addFaq')}
          </button>
        </Fieldset>

        <div className="form-actions">
          <button type="submit" className="button" disabled={save.busy} data-testid="save-call">
            {save.busy ? t('common.saving') : t('common.save')}
          </button>
          <Link className="button button--secondary" to={id ? `/calls/${id}` : '/calls'}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
      {id && <AttachmentsEditor callId={id} />}
    </section>
  )
}

function DateTimeField(props: { label: string; value: string; onChange: (value: string) => void; error?: string | undefined; testId: string }): ReactElement {
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label>
        {props.label}
        {props.error && <span className="field-error">{props.error}</span>}
        <input type="datetime-local" value={props.value} required data-testid={props.testId} onChange={(event) => props.onChange(event.target.value)} />
      </label>
    </div>
  )
}
