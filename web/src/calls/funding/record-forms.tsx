import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../platform/api'
import { errorFor, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../../platform/forms'
import { parseEurosToCents } from '../../platform/format'
import { useLanguage } from '../../platform/use-language'
import { kindLabel, verifierLabel } from './grant-detail'
import type { Decision, PaymentKind, VerifierKind } from './types'
import { paymentKinds, verifierKinds } from '../../../../src/calls/call-terms'

type Saved = { proposalId: string; onSaved: () => void }

/** A contract between a partner and a registered research organisation or university. */
export function ContractForm({ proposalId, decision, researchOrganisations, onSaved }: Saved & { decision: Decision; researchOrganisations: { id: string; name: string }[] }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [partner, setPartner] = useState(decision.partners[0]?.organisationId ?? '')
  const [counterparty, setCounterparty] = useState('')
  const [subject, setSubject] = useState('')
  const [value, setValue] = useState('')
  const [signedOn, setSignedOn] = useState('')
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      await api.post(`/api/proposals/${proposalId}/research-contracts`, {
        partnerOrganisationId: partner,
        researchOrganisationId: counterparty,
        subject,
        valueCents: parseEurosToCents(language, value),
        signedOn,
      })
      setSubject('')
      setValue('')
      onSaved()
    })
  return (
    <form
      data-testid="contract-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h4>{t('funding.contracts.formHeading')}</h4>
      <FormAlert failure={save.failure} />
      <SelectField label={t('funding.contracts.partner')} value={partner} onChange={setPartner} options={decision.partners.map((item) => ({ value: item.organisationId, label: item.name }))} error={errorFor(save.failure, 'partnerOrganisationId')} />
      <SelectField
        label={t('funding.contracts.counterparty')}
        value={counterparty}
        onChange={setCounterparty}
        emptyLabel={t('funding.contracts.choose')}
        options={researchOrganisations.map((item) => ({ value: item.id, label: item.name }))}
        required
        error={errorFor(save.failure, 'researchOrganisationId')}
        testId="contract-counterparty"
      />
      <TextField label={t('funding.contracts.subject')} value={subject} onChange={setSubject} required maxLength={300} error={errorFor(save.failure, 'subject')} testId="contract-subject" />
      <TextField label={t('funding.contracts.value')} value={value} onChange={setValue} inputMode="decimal" required error={errorFor(save.failure, 'valueCents')} testId="contract-value" />
      <TextField label={t('funding.contracts.signedOn')} type="date" value={signedOn} onChange={setSignedOn} required error={errorFor(save.failure, 'signedOn')} testId="contract-date" />
      <button type="submit" className="button button--secondary" disabled={save.busy} data-testid="contract-save">
        {t('funding.contracts.add')}
      </button>
    </form>
  )
}

/** A payment to one partner, verified by an independent expert or a credit institution. */
export function PaymentForm({ proposalId, decision, onSaved }: Saved & { decision: Decision }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [partner, setPartner] = useState(decision.partners[0]?.organisationId ?? '')
  const [kind, setKind] = useState<PaymentKind>('interim')
  const [amount, setAmount] = useState('')
  const [paidOn, setPaidOn] = useState('')
  const [verifierKind, setVerifierKind] = useState<VerifierKind>('expert')
  const [verifiedBy, setVerifiedBy] = useState('')
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      await api.post(`/api/proposals/${proposalId}/payments`, { organisationId: partner, kind, amountCents: parseEurosToCents(language, amount), paidOn, verifierKind, verifiedBy })
      setAmount('')
      onSaved()
    })
  return (
    <form
      data-testid="payment-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h4>{t('funding.payments.formHeading')}</h4>
      <p className="field-hint">{t('funding.payments.hint')}</p>
      <FormAlert failure={save.failure} />
      <SelectField label={t('funding.payments.partner')} value={partner} onChange={setPartner} options={decision.partners.map((item) => ({ value: item.organisationId, label: item.name }))} error={errorFor(save.failure, 'organisationId')} testId="payment-partner" />
      <SelectField
        label={t('funding.payments.kind')}
        value={kind}
        onChange={(value) => setKind(value as typeof kind)}
        options={paymentKinds.map((value) => ({ value, label: kindLabel(t, value) }))}
        error={errorFor(save.failure, 'kind')}
        testId="payment-kind"
      />
      <TextField label={t('funding.payments.amount')} value={amount} onChange={setAmount} inputMode="decimal" required error={errorFor(save.failure, 'amountCents')} testId="payment-amount" />
      <TextField label={t('funding.payments.paidOn')} type="date" value={paidOn} onChange={setPaidOn} required error={errorFor(save.failure, 'paidOn')} testId="payment-date" />
      <SelectField
        label={t('funding.payments.verifierKind')}
        value={verifierKind}
        onChange={(value) => setVerifierKind(value as typeof verifierKind)}
        options={verifierKinds.map((value) => ({ value, label: verifierLabel(t, value) }))}
      />
      <TextField label={t('funding.payments.verifiedBy')} value={verifiedBy} onChange={setVerifiedBy} required maxLength={200} error={errorFor(save.failure, 'verifiedBy')} testId="payment-verifier" />
      <button type="submit" className="button button--secondary" disabled={save.busy} data-testid="payment-save">
        {t('funding.payments.add')}
      </button>
    </form>
  )
}

/** The beneficiaries renounce the grant; its budget returns to the line for the reserve list. */
export function WithdrawalForm({ proposalId, onSaved }: Saved): ReactElement {
  const { t } = useTranslation()
  const [withdrawnOn, setWithdrawnOn] = useState('')
  const [reason, setReason] = useState('')
  const save = useSubmit()
  const submit = (): Promise<void> =>
    save.run(async () => {
      await api.post(`/api/proposals/${proposalId}/decision/withdrawal`, { withdrawnOn, reason })
      onSaved()
    })
  return (
    <form
      data-testid="withdrawal-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h4>{t('funding.withdrawal.heading')}</h4>
      <p className="field-hint">{t('funding.withdrawal.hint')}</p>
      <FormAlert failure={save.failure} />
      <TextField label={t('funding.withdrawal.withdrawnOn')} type="date" value={withdrawnOn} onChange={setWithdrawnOn} required error={errorFor(save.failure, 'withdrawnOn')} />
      <TextArea label={t('funding.withdrawal.reason')} value={reason} onChange={setReason} rows={2} required error={errorFor(save.failure, 'reason')} />
      <button type="submit" className="button button--secondary" disabled={save.busy} data-testid="withdrawal-save">
        {t('funding.withdrawal.save')}
      </button>
    </form>
  )
}
