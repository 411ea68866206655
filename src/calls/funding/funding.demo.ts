import type { Db } from '../../platform/db.js'
import { callRanking } from '../evaluation/results.service.js'
import { decide, recordContract, recordPayment } from './funding.service.js'

const decidedOn = '2025-09-15'
const actReference = 'Decreto dirigenziale n. 14532 del 15/09/2025'

/**
 * The decisions that followed the ranking: every funded proposal granted its estimate, those below threshold not
 * granted, the reserve list waiting. The best-ranked grant has a research contract and its advances paid. Nothing
 * happens while the ranking is pending (no evaluation).
 */
export async function fundDemoCall(db: Db, callId: string): Promise<void> {
  const officer = await db.selectFrom('users').select('id').where('email', '=', 'officer@clock.demo').executeTakeFirst()
  if (!officer) return
  const officerId = officer.id
  const now = new Date()
  const ranking = await callRanking(db, callId, now)
  const rows = ranking.lines.flatMap((line) => line.proposals)
  for (const row of rows) {
    if (row.status === 'funded') await decide(db, officerId, row.proposalId, { outcome: 'granted', decidedOn, actReference }, now, 'it')
    if (row.status === 'below_threshold') {
      const reason = 'Punteggio sotto la soglia fissata dal bando: la proposta non è finanziabile.'
      await decide(db, officerId, row.proposalId, { outcome: 'not_granted', decidedOn, actReference, reason }, now, 'it')
    }
  }
  const best = rows.find((row) => row.status === 'funded' && row.rank === 1)
  if (!best) return
  const partners = await db
    .selectFrom('grant_partners')
    .innerJoin('organisations', 'organisations.id', 'grant_partners.organisation_id')
    .select(['grant_partners.organisation_id', 'grant_partners.grant_cents', 'organisations.type'])
    .where('grant_partners.proposal_id', '=', best.proposalId)
    .orderBy('grant_partners.position')
    .execute()
  const firm = partners.find((partner) => partner.type !== 'university' && partner.type !== 'research_organisation')
  const lab = await db
    .selectFrom('organisations')
    .select('id')
    .where('source', '=', 'demo')
    .where('type', '=', 'research_organisation')
    .where('id', 'not in', partners.map((partner) => partner.organisation_id))
    .orderBy('legal_name')
    .limit(1)
    .executeTakeFirst()
  if (firm && lab) {
    const contract = { partnerOrganisationId: firm.organisation_id, researchOrganisationId: lab.id, subject: 'Prove di fatica e caratterizzazione dei prototipi', valueCents: 4_500_000, signedOn: '2025-10-20' }
    await recordContract(db, officerId, best.proposalId, contract, now, 'it')
  }
  for (const partner of partners) {
    const amountCents = Math.floor((Number(partner.grant_cents) * 0.4) / 100) * 100
    const payment = { organisationId: partner.organisation_id, kind: 'advance' as const, amountCents, paidOn: '2025-11-10', verifierKind: 'credit_institution' as const, verifiedBy: 'Banca del Territorio Toscano' }
    await recordPayment(db, officerId, best.proposalId, payment, now, 'it')
  }
}
