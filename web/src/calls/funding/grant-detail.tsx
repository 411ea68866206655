import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDate, formatEuros } from '../../platform/format'
import { useLanguage } from '../../platform/use-language'
import type { Decision, PaymentKind, ProposalFunding, VerifierKind } from './types'

/** How a decision reads in one line: outcome, date and act, and a reserve promotion or withdrawal. */
export function DecisionSummary({ decision }: { decision: Decision | null }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  if (!decision) return <span className="muted">{t('funding.outcome.none')}</span>
  return (
    <span data-testid="decision-summary">
      {t('funding.decision.summary', { outcome: outcomeLabel(t, decision.outcome), date: formatDate(language, decision.decidedOn), act: decision.actReference })}
      {decision.reservePromoted && <span className="badge"> {t('funding.decision.promoted')}</span>}
      {decision.outcome === 'not_granted' && decision.reason && <span className="muted"> · {t('funding.decision.refusedReason', { reason: decision.reason })}</span>}
      {decision.withdrawnOn && (
        <span className="muted"> · {t('funding.decision.withdrawnSummary', { date: formatDate(language, decision.withdrawnOn), reason: decision.withdrawalReason ?? '' })}</span>
      )}
    </span>
  )
}

type Translate = ReturnType<typeof useTranslation>['t']

export function outcomeLabel(t: Translate, outcome: Decision['outcome']): string {
  switch (outcome) {
    case 'granted':
      return t('funding.outcome.granted')
    case 'not_granted':
      return t('funding.outcome.not_granted')
    case 'withdrawn':
      return t('funding.outcome.withdrawn')
  }
}

export function statusLabel(t: Translate, status: ProposalFunding['rankingStatus']): string {
  switch (status) {
    case 'funded':
      return t('funding.status.funded')
    case 'reserve':
      return t('funding.status.reserve')
    case 'below_threshold':
      return t('funding.status.below_threshold')
    case 'pending':
      return t('funding.status.pending')
  }
}

/** The grant per partner with what was paid and what is left, the contracts and the payments: read-only. */
export function GrantDetail({ decision }: { decision: Decision }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const euros = (cents: number): string => formatEuros(language, cents)
  return (
    <div data-testid="grant-detail">
      {decision.partners.length > 0 && (
        <>
          <h4>{t('funding.partners.heading')}</h4>
          <div className="table-wrapper">
            <table className="table" data-testid="partners-table">
              <thead>
                <tr>
                  <th>{t('funding.partners.name')}</th>
                  <th>{t('funding.partners.estimate')}</th>
                  <th>{t('funding.partners.grant')}</th>
                  <th>{t('funding.partners.paid')}</th>
                  <th>{t('funding.partners.remaining')}</th>
                </tr>
              </thead>
              <tbody>
                {decision.partners.map((partner) => (
                  <tr key={partner.organisationId} data-testid="partner-row">
                    <td>
                      {partner.name}
                      {partner.researchOrganisation && <span className="muted"> · {t('funding.partners.researchOrganisation')}</span>}
                      {partner.reductionReason && <p className="muted">{t('funding.partners.lowered', { reason: partner.reductionReason })}</p>}
                    </td>
                    <td>{euros(partner.estimateCents)}</td>
                    <td>{euros(partner.grantCents)}</td>
                    <td>{euros(partner.paidCents)}</td>
                    <td>
                      {euros(partner.remainingCents)}
                      {partner.balancePaid && <span className="muted"> · {t('funding.partners.balancePaid')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('funding.partners.total')}</th>
                  <td>{euros(decision.partners.reduce((sum, partner) => sum + partner.estimateCents, 0))}</td>
                  <td data-testid="grant-total">{euros(decision.grantCents)}</td>
                  <td data-testid="paid-total">{euros(decision.paidCents)}</td>
                  <td>{euros(decision.remainingCents)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      {decision.outcome !== 'not_granted' && (
        <>
          <h4>{t('funding.contracts.heading')}</h4>
          {decision.contracts.length === 0 ? (
            <p className="muted">{t('funding.contracts.empty')}</p>
          ) : (
            <ul data-testid="contracts-list">
              {decision.contracts.map((contract) => (
                <li key={contract.id}>
                  {contract.partnerName} — {contract.researchOrganisationName}: {contract.subject} · {euros(contract.valueCents)} · {formatDate(language, contract.signedOn)}
                </li>
              ))}
            </ul>
          )}
          <h4>{t('funding.payments.heading')}</h4>
          {decision.payments.length === 0 ? (
            <p className="muted">{t('funding.payments.empty')}</p>
          ) : (
            <ul data-testid="payments-list">
              {decision.payments.map((payment) => (
                <li key={payment.id}>
                  {formatDate(language, payment.paidOn)} · {payment.partnerName} · {kindLabel(t, payment.kind)} · {euros(payment.amountCents)} · {t('funding.payments.verifiedBy')}{' '}
                  {payment.verifiedBy} ({verifierLabel(t, payment.verifierKind)})
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}

export function kindLabel(t: Translate, kind: PaymentKind): string {
  switch (kind) {
    case 'advance':
      return t('funding.payments.kinds.advance')
    case 'interim':
      return t('funding.payments.kinds.interim')
    case 'balance':
      return t('funding.payments.kinds.balance')
  }
}

export function verifierLabel(t: Translate, kind: VerifierKind): string {
  return kind === 'expert' ? t('funding.payments.verifiers.expert') : t('funding.payments.verifiers.credit_institution')
}
