import { Fragment, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ErrorMessage, Loading, useDocumentTitle } from '../../platform/feedback'
import { formatEuros, formatNumber } from '../../platform/format'
import { useApi } from '../../platform/use-api'
import { localized, useLanguage } from '../../platform/use-language'
import type { Call } from '../types'
import { DecisionForm } from './decision-form'
import { DecisionSummary, GrantDetail, statusLabel } from './grant-detail'
import { ContractForm, PaymentForm, WithdrawalForm } from './record-forms'
import type { CallFunding, FundingLine, MyFunding, ProposalFunding } from './types'

/** /calls/:id/funding: the officer's decisions, contracts and payments; for anyone else, their own proposals' grants. */
export function FundingPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const call = useApi<{ call: Call }>(`/api/calls/${encodeURIComponent(id)}`)
  useDocumentTitle(call.data?.call.canManage ? t('funding.title') : t('funding.mineTitle'))
  if (call.error) return <ErrorMessage error={call.error} />
  if (!call.data) return <Loading />
  return call.data.call.canManage ? <OfficerFunding call={call.data.call} /> : <MyGrants call={call.data.call} />
}

function Breadcrumb({ call }: { call: Call }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  return (
    <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
      <Link to={`/calls/${call.id}`}>{localized(language, call.titleIt, call.titleEn)}</Link>
    </nav>
  )
}

function OfficerFunding({ call }: { call: Call }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const funding = useApi<CallFunding>(`/api/calls/${encodeURIComponent(call.id)}/funding`)
  if (funding.error) return <ErrorMessage error={funding.error} />
  if (!funding.data) return <Loading />
  const data = funding.data
  const euros = (cents: number): string => formatEuros(language, cents)
  return (
    <section className="page" data-testid="funding-page">
      <Breadcrumb call={call} />
      <header className="page-header">
        <div>
          <h1>{t('funding.title')}</h1>
          <p className="page-lead">{t('funding.lead')}</p>
        </div>
      </header>
      <section className="facts facts--highlight">
        <dl data-testid="funding-totals">
          <dt>{t('funding.totals.granted')}</dt>
          <dd>{euros(data.totals.grantedCents)}</dd>
          <dt>{t('funding.totals.paid')}</dt>
          <dd>{euros(data.totals.paidCents)}</dd>
          <dt>{t('funding.totals.contracts')}</dt>
          <dd>{t('funding.totals.contractsValue', { count: formatNumber(language, data.totals.contracts), value: euros(data.totals.contractsCents) })}</dd>
        </dl>
      </section>
      {data.lines.map((line) => (
        <LineFunding key={line.code} line={line} researchOrganisations={data.researchOrganisations} onChanged={funding.reload} />
      ))}
    </section>
  )
}

function LineFunding({ line, researchOrganisations, onChanged }: { line: FundingLine; researchOrganisations: CallFunding['researchOrganisations']; onChanged: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [open, setOpen] = useState<string | null>(null)
  const euros = (cents: number): string => formatEuros(language, cents)
  return (
    <section data-testid="funding-line" data-line={line.code}>
      <h2>
        {t('funding.line.heading', { line: line.code })} — {localized(language, line.titleIt, line.titleEn)}
      </h2>
      <dl className="facts" data-testid="line-budget">
        <dt>{t('funding.line.budget')}</dt>
        <dd>{euros(line.budgetCents)}</dd>
        <dt>{t('funding.line.granted')}</dt>
        <dd>{euros(line.grantedCents)}</dd>
        {line.heldCents > 0 && (
          <>
            <dt>{t('funding.line.held')}</dt>
            <dd>{euros(line.heldCents)}</dd>
          </>
        )}
        <dt>{t('funding.line.remaining')}</dt>
        <dd data-testid="line-remaining">{euros(line.remainingCents)}</dd>
      </dl>
      {line.proposals.length === 0 ? (
        <p className="muted">{t('funding.table.empty')}</p>
      ) : (
        <div className="table-wrapper">
          <table className="table">
            <thead>
              <tr>
                <th>{t('funding.table.rank')}</th>
                <th>{t('funding.table.proposal')}</th>
                <th>{t('funding.table.ranking')}</th>
                <th>{t('funding.table.estimate')}</th>
                <th>{t('funding.table.decision')}</th>
                <th>{t('funding.table.granted')}</th>
                <th>{t('funding.table.paid')}</th>
                <th>{t('funding.table.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {line.proposals.map((proposal) => (
                <Fragment key={proposal.proposalId}>
                  <tr data-testid="funding-row" data-proposal={proposal.proposalId}>
                    <td>{proposal.rank ?? '—'}</td>
                    <td>
                      <Link to={`/calls/proposals/${proposal.proposalId}`}>{proposal.title}</Link>
                      <p className="muted">{proposal.leadName}</p>
                    </td>
                    <td>{statusLabel(t, proposal.rankingStatus)}</td>
                    <td>{euros(proposal.estimateCents)}</td>
                    <td>
                      <DecisionSummary decision={proposal.decision} />
                    </td>
                    <td>{proposal.decision?.outcome === 'granted' ? euros(proposal.decision.grantCents) : '—'}</td>
                    <td>{proposal.decision?.outcome === 'granted' ? euros(proposal.decision.paidCents) : '—'}</td>
                    <td>
                      {proposal.rankingStatus !== 'pending' && (
                        <button type="button" className="link-button" aria-expanded={open === proposal.proposalId} onClick={() => setOpen(open === proposal.proposalId ? null : proposal.proposalId)} data-testid="funding-open">
                          {open === proposal.proposalId ? t('funding.table.close') : t('funding.table.open')}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === proposal.proposalId && (
                    <tr>
                      <td colSpan={8}>
                        <ProposalRecords proposal={proposal} researchOrganisations={researchOrganisations} onChanged={onChanged} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

function ProposalRecords({ proposal, researchOrganisations, onChanged }: { proposal: ProposalFunding; researchOrganisations: CallFunding['researchOrganisations']; onChanged: () => void }): ReactElement {
  const decision = proposal.decision
  if (!decision) return <DecisionForm proposal={proposal} onSaved={onChanged} />
  return (
    <div data-testid="proposal-records">
      <GrantDetail decision={decision} />
      {decision.outcome === 'granted' && (
        <>
          <ContractForm proposalId={proposal.proposalId} decision={decision} researchOrganisations={researchOrganisations} onSaved={onChanged} />
          <PaymentForm proposalId={proposal.proposalId} decision={decision} onSaved={onChanged} />
          {decision.payments.length === 0 && <WithdrawalForm proposalId={proposal.proposalId} onSaved={onChanged} />}
        </>
      )}
    </div>
  )
}

/** The applicant's read view: their proposals in this call, the decision, each partner's grant, contracts and payments. */
function MyGrants({ call }: { call: Call }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const mine = useApi<MyFunding>(`/api/calls/${encodeURIComponent(call.id)}/funding/mine`)
  if (mine.error) return <ErrorMessage error={mine.error} />
  if (!mine.data) return <Loading />
  return (
    <section className="page" data-testid="my-grants-page">
      <Breadcrumb call={call} />
      <h1>{t('funding.mineTitle')}</h1>
      <p className="page-lead">{t('funding.mineLead')}</p>
      {mine.data.items.length === 0 && <p className="muted">{t('funding.mineEmpty')}</p>}
      {mine.data.items.map((proposal) => (
        <article key={proposal.proposalId} className="card" data-testid="my-grant">
          <h2 className="card__title">
            <Link to={`/calls/proposals/${proposal.proposalId}`}>{proposal.title}</Link>
          </h2>
          <p className="card__meta">
            {t('funding.line.heading', { line: proposal.line })} · {statusLabel(t, proposal.rankingStatus)}
            {proposal.rank !== null && <> · {t('funding.table.rank')} {formatNumber(language, proposal.rank)}</>} · {t('funding.table.estimate')} {formatEuros(language, proposal.estimateCents)}
          </p>
          <p>
            <DecisionSummary decision={proposal.decision} />
          </p>
          {proposal.decision && <GrantDetail decision={proposal.decision} />}
        </article>
      ))}
    </section>
  )
}
