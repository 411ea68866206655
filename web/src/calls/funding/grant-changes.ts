import { parseEurosToCents } from '../../platform/format'
import type { Language } from '../../platform/i18n'

// The officer's per-partner amounts as typed, turned into the decision's `partners`: a partner left at its
// estimate is not sent (the server takes the estimate); a lowered one is sent with its reason.

export type PartnerDraft = { organisationId: string; estimateCents: number; amount: string; reason: string }
export type PartnerChange = { organisationId: string; grantCents: number; reason?: string }

export function grantChanges(language: Language, drafts: readonly PartnerDraft[]): PartnerChange[] {
  const changes: PartnerChange[] = []
  for (const draft of drafts) {
    const cents = parseEurosToCents(language, draft.amount)
    if (cents === null) continue
    if (cents === draft.estimateCents && draft.reason.trim() === '') continue
    // An unreadable amount is sent as is (NaN becomes null): the server answers which field is wrong.
    changes.push({ organisationId: draft.organisationId, grantCents: cents, ...(draft.reason.trim() !== '' && { reason: draft.reason.trim() }) })
  }
  return changes
}

/** The total the decision will grant, as typed: blank or unreadable amounts count as the estimate. */
export function draftTotal(language: Language, drafts: readonly PartnerDraft[]): number {
  return drafts.reduce((total, draft) => {
    const cents = parseEurosToCents(language, draft.amount)
    return total + (cents === null || Number.isNaN(cents) ? draft.estimateCents : cents)
  }, 0)
}
