import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { invalidField } from '../../platform/errors.js'
import { formatEuros, type Locale } from '../../platform/i18n.js'
import { fundingFacts, uncommittedBudget } from '../funding/funding-facts.js'
import { admittedProposals, consensusRows, loadCallForEvaluation, type AdmittedProposal, type Executor } from './evaluation.service.js'
import type { IndicatorValues, RankingResult } from './evaluation.schema.js'
import { rankCall, type RankingProposal } from './ranking.js'
import { scoreSheet } from './reports.service.js'

const isSme = (type: string): boolean => type === 'sme' || type === 'startup'
const isResearchOrganisation = (type: string): boolean => type === 'research' || type === 'university'
const isEnterprise = (type: string): boolean => isSme(type) || type === 'large'

type LineRow = { code: string; title_it: string; title_en: string; budget_cents: number }

async function callLines(db: Executor, callId: string): Promise<LineRow[]> {
  const rows = await db.selectFrom('call_lines').select(['code', 'title_it', 'title_en', 'budget_cents']).where('call_id', '=', callId).orderBy('position').execute()
  return rows.map((row) => ({ ...row, budget_cents: Number(row.budget_cents) }))
}

/** The ranking of every line, on the lines' budgets after the officer's moves. */
export async function callRanking(db: Executor, callId: string, now: Date): Promise<RankingResult & { admitted: AdmittedProposal[] }> {
  const call = await loadCallForEvaluation(db, callId, now)
  const lines = await callLines(db, callId)
  const moves = await db
    .selectFrom('budget_moves')
    .leftJoin('users', 'users.id', 'budget_moves.moved_by')
    .select(['budget_moves.id', 'budget_moves.from_line', 'budget_moves.to_line', 'budget_moves.amount_cents', 'budget_moves.reason', 'budget_moves.moved_at', 'users.full_name'])
    .where('budget_moves.call_id', '=', callId)
    .orderBy('budget_moves.moved_at')
    .orderBy('budget_moves.id')
    .execute()
  const budgets = new Map(lines.map((line) => [line.code, line.budget_cents]))
  for (const move of moves) {
    budgets.set(move.from_line, (budgets.get(move.from_line) ?? 0) - Number(move.amount_cents))
    budgets.set(move.to_line, (budgets.get(move.to_line) ?? 0) + Number(move.amount_cents))
  }
  const admitted = await admittedProposals(db, callId)
  const consensus = await consensusRows(db, admitted.map((proposal) => proposal.id))
  const input: RankingProposal[] = admitted.map((proposal) => {
    const row = consensus.get(proposal.id)
    const partners = proposal.snapshot.proposal.partners
    return {
      id: proposal.id,
      line: proposal.line,
      consensus: row?.submitted_at && row.scores ? scoreSheet(row.scores) : null,
      grantCents: proposal.snapshot.grant.total,
      smes: partners.filter((partner) => isSme(partner.type)).length,
      researchOrganisations: partners.filter((partner) => isResearchOrganisation(partner.type)).length,
      submittedAt: proposal.submittedAt.toISOString(),
    }
  })
  const ranked = rankCall(call.criteria, call.settings.overallThreshold, lines.map((line) => ({ code: line.code, budgetCents: budgets.get(line.code) ?? 0 })), input)
  const byId = new Map(admitted.map((proposal) => [proposal.id, proposal]))
  const inputById = new Map(input.map((proposal) => [proposal.id, proposal]))
  return {
    callId,
    criteria: call.criteria,
    overallThreshold: call.settings.overallThreshold ?? null,
    admitted,
    lines: ranked.map((line, index) => ({
      code: line.code,
      titleIt: lines[index]!.title_it,
      titleEn: lines[index]!.title_en,
      initialBudgetCents: lines[index]!.budget_cents,
      budgetCents: line.budgetCents,
      fundedCents: line.fundedCents,
      unspentCents: line.unspentCents,
      proposals: line.proposals.map((entry) => {
        const proposal = byId.get(entry.proposalId)!
        const facts = inputById.get(entry.proposalId)!
        return {
          ...entry,
          title: proposal.title,
          leadName: proposal.leadName,
          scores: facts.consensus ?? {},
          smes: facts.smes,
          researchOrganisations: facts.researchOrganisations,
        }
      }),
    })),
    moves: moves.map((move) => ({
      id: move.id,
      fromLine: move.from_line,
      toLine: move.to_line,
      amountCents: Number(move.amount_cents),
      reason: move.reason,
      movedAt: move.moved_at.toISOString(),
      movedBy: move.full_name,
    })),
  }
}

/** Moves part of a line's unspent budget to another line; the call row is locked so two moves cannot both spend it. */
export async function moveBudget(db: Db, actorId: string, callId: string, input: { fromLine: string; toLine: string; amountCents: number; reason: string }, now: Date, locale: Locale): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await loadCallForEvaluation(trx, callId, now, { lock: true })
    const ranking = await callRanking(trx, callId, now)
    const from = ranking.lines.find((line) => line.code === input.fromLine)
    if (!from) throw invalidField('fromLine', 'evaluation.validation.unknown_line', { line: input.fromLine })
    if (!ranking.lines.some((line) => line.code === input.toLine)) throw invalidField('toLine', 'evaluation.validation.unknown_line', { line: input.toLine })
    if (input.fromLine === input.toLine) throw invalidField('toLine', 'evaluation.validation.same_line')
    // Once grants are decided, a promoted reserve proposal may have taken more than the ranking thinks: never move what is committed.
    const movable = Math.max(0, Math.min(from.unspentCents, uncommittedBudget(from, await fundingFacts(trx, callId))))
    if (input.amountCents > movable) {
      throw invalidField('amountCents', 'evaluation.validation.exceeds_unspent', { line: from.code, unspent: formatEuros(locale, movable) })
    }
    const row = await trx
      .insertInto('budget_moves')
      .values({ call_id: callId, from_line: input.fromLine, to_line: input.toLine, amount_cents: input.amountCents, reason: input.reason, moved_by: actorId, moved_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actorId, 'call.budgetMove', 'call', callId, { id: row.id, ...input })
  })
}

type Involvement = { enterprises: Set<string>; researchOrganisations: Set<string> }

/**
 * The results the Region reports (DOMAIN.md): submitted and financed projects, enterprises involved, total
 * investment, public grant, contracts with research organisations (number and value), research organisations
 * involved. Once the officer has recorded any grant decision for the call, "financed" is the proposals still
 * granted, their public grant the partners' granted amounts and the contracts those recorded with research
 * organisations (src/calls/funding); before that, the current ranking's funded proposals, their estimated
 * grant and the providers they named. Organisations are counted once per line and once in the total, however
 * many projects they join.
 */
export async function callIndicators(db: Db, callId: string, now: Date): Promise<{ callId: string; lines: (IndicatorValues & { code: string; titleIt: string; titleEn: string })[]; total: IndicatorValues }> {
  const ranking = await callRanking(db, callId, now)
  const submitted = await db.selectFrom('proposals').select(['line_code']).where('call_id', '=', callId).where('current_version', '>=', 1).execute()
  const decisions = await fundingFacts(db, callId)
  const funded = decisions.decided
    ? new Set(decisions.granted.keys())
    : new Set(ranking.lines.flatMap((line) => line.proposals.filter((entry) => entry.status === 'funded').map((entry) => entry.proposalId)))
  const financed = ranking.admitted.filter((proposal) => funded.has(proposal.id))
  const providers = decisions.decided
    ? decisions.contracts.map((contract) => ({ proposal_id: contract.proposalId, organisation_id: contract.researchOrganisationId, amount_cents: contract.valueCents }))
    : financed.length === 0
      ? []
      : await db
          .selectFrom('proposal_providers')
          .innerJoin('organisations', 'organisations.id', 'proposal_providers.organisation_id')
          .select(['proposal_providers.proposal_id', 'proposal_providers.organisation_id', 'proposal_providers.amount_cents', 'organisations.type'])
          .where('proposal_providers.proposal_id', 'in', financed.map((proposal) => proposal.id))
          .where('organisations.type', 'in', ['research_organisation', 'university'])
          .execute()

  const measure = (proposals: readonly AdmittedProposal[], submittedCount: number): IndicatorValues & Involvement => {
    const enterprises = new Set<string>()
    const researchOrganisations = new Set<string>()
    let investment = 0
    let grant = 0
    for (const proposal of proposals) {
      for (const partner of proposal.snapshot.proposal.partners) {
        investment += partner.costs.industrialResearch + partner.costs.experimentalDevelopment + partner.costs.other
        if (isEnterprise(partner.type)) enterprises.add(partner.organisationId)
        if (isResearchOrganisation(partner.type)) researchOrganisations.add(partner.organisationId)
      }
      grant += decisions.decided ? (decisions.granted.get(proposal.id) ?? 0) : proposal.snapshot.grant.total
    }
    const contracts = providers.filter((provider) => proposals.some((proposal) => proposal.id === provider.proposal_id))
    for (const contract of contracts) researchOrganisations.add(contract.organisation_id)
    return {
      submittedProjects: submittedCount,
      financedProjects: proposals.length,
      enterprisesInvolved: enterprises.size,
      totalInvestmentCents: investment,
      publicGrantCents: grant,
      researchContracts: contracts.length,
      researchContractsCents: contracts.reduce((sum, contract) => sum + Number(contract.amount_cents), 0),
      researchOrganisationsInvolved: researchOrganisations.size,
      enterprises,
      researchOrganisations,
    }
  }
  const strip = ({ enterprises: _e, researchOrganisations: _r, ...values }: IndicatorValues & Involvement): IndicatorValues => values
  return {
    callId,
    lines: ranking.lines.map((line) => ({
      code: line.code,
      titleIt: line.titleIt,
      titleEn: line.titleEn,
      ...strip(measure(financed.filter((proposal) => proposal.line === line.code), submitted.filter((row) => row.line_code === line.code).length)),
    })),
    total: strip(measure(financed, submitted.length)),
  }
}
