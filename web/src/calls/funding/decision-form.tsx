import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../platform/api'
import { errorFor, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../../platform/forms'
import { formatEuros } from '../../platform/format'
import { useLanguage } from '../../platform/use-language'
import { draftTotal, grantChanges, type PartnerDraft } from './grant-changes'
import type { ProposalFunding } from './types'

/** The officer's decision on one ranked proposal: grant (each partner at most its estimate) or refuse, with the act. */
export function DecisionForm({ proposal, onSaved }: { proposal: ProposalFunding; onSaved: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const fundable = proposal.rankingStatus === 'funded' || proposal.rankingStatus === 'reserve'
  const [outcome, setOutcome] = useState(fundable ? 'granted' : 'not_granted')
  const [decidedOn, setDecidedOn] = useState('')
  const [actReference, setActReference] = useState('')
  const [reason, setReason] = useState('')
  const [drafts, setDrafts] = useState<PartnerDraft[]>(proposal.estimates.map((estimate) => ({ organisationId: estimate.organisationId, estimateCents: estimate.estimateCents, amount: '', reason: '' })))
  const save = useSubmit()
  const setDraft = (index: number, change: Partial<PartnerDraft>): void => setDrafts((current) => current.map((draft, at) => (at === index ? { ...draft, ...change } : draft)))
  const submit = (): Promise<void> =>
    save.run(async () => {
      const body =
        outcome === 'granted' ? { outcome, decidedOn, actReference, partners: grantChanges(language, drafts) } : { outcome, decidedOn, actReference, reason }
      await api.post(`/api/proposals/${proposal.proposalId}/decision`, body)
      onSaved()
    })
  // The server names the n-th changed partner; map it back to the row it came from.
  const changedRows = drafts.map((draft, index) => ({ index, sent: grantChanges(language, [draft]).length > 0 })).filter((row) => row.sent).map((row) => row.index)
  const partnerError = (index: number, field: 'grantCents' | 'reason'): string | undefined => {
    const sentAt = changedRows.indexOf(index)
    return sentAt < 0 ? undefined : errorFor(save.failure, `partners.${sentAt}.${field}`)
  }
  return (
    <form
      data-testid="decision-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h4>{t('funding.decision.heading')}</h4>
      <FormAlert failure={save.failure} />
      <SelectField
        label={t('funding.decision.outcome')}
        value={outcome}
        onChange={setOutcome}
        options={[...(fundable ? [{ value: 'granted', label: t('funding.outcome.granted') }] : []), { value: 'not_granted', label: t('funding.outcome.not_granted') }]}
        testId="decision-outcome"
      />
      <TextField label={t('funding.decision.decidedOn')} type="date" value={decidedOn} onChange={setDecidedOn} required error={errorFor(save.failure, 'decidedOn')} testId="decision-date" />
      <TextField
        label={t('funding.decision.actReference')}
        hint={t('funding.decision.actHint')}
        value={actReference}
        onChange={setActReference}
        required
        maxLength={120}
        error={errorFor(save.failure, 'actReference')}
        testId="decision-act"
      />
      {outcome === 'not_granted' ? (
        <TextArea label={t('funding.decision.reason')} value={reason} onChange={setReason} rows={3} required error={errorFor(save.failure, 'reason')} testId="decision-reason" />
      ) : (
        <>
          <p className="field-hint">{t('funding.decision.partnersHint')}</p>
          <div className="table-wrapper">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('funding.decision.partner')}</th>
                  <th>{t('funding.partners.estimate')}</th>
                  <th>{t('funding.decision.amount')}</th>
                  <th>{t('funding.decision.reductionReason')}</th>
                </tr>
              </thead>
              <tbody>
                {proposal.estimates.map((estimate, index) => (
                  <tr key={estimate.organisationId}>
                    <td>{estimate.name}</td>
                    <td>{formatEuros(language, estimate.estimateCents)}</td>
                    <td>
                      <TextField
                        label={t('funding.decision.amount')}
                        value={drafts[index]!.amount}
                        onChange={(amount) => setDraft(index, { amount })}
                        inputMode="decimal"
                        placeholder={formatEuros(language, estimate.estimateCents)}
                        error={partnerError(index, 'grantCents')}
                        testId="partner-amount"
                      />
                    </td>
                    <td>
                      <TextField label={t('funding.decision.reductionReason')} value={drafts[index]!.reason} onChange={(value) => setDraft(index, { reason: value })} error={partnerError(index, 'reason')} testId="partner-reason" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p data-testid="decision-total">{t('funding.decision.total', { total: formatEuros(language, draftTotal(language, drafts)) })}</p>
        </>
      )}
      <button type="submit" className="button" disabled={save.busy} data-testid="decision-save">
        {t('funding.decision.save')}
      </button>
    </form>
  )
}
