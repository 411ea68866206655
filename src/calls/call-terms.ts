// The calls' words as plain lists, with no server dependency: the API's schemas and the web app's forms both
// import them (see ARCHITECTURE.md), so that the two cannot drift apart.

export const budgetSources = ['national', 'regional', 'eu_structural', 'private'] as const

/** A proposal's partner as the funding rules see it, and the size class of an undertaking. */
export const partnerTypes = ['startup', 'sme', 'large', 'research', 'university', 'other'] as const
export const partnerSizeClasses = ['micro', 'small', 'medium', 'large'] as const

/** The effective-collaboration conditions that raise the aid intensity. */
export const collaborationKinds = ['smeCollaboration', 'researchOrganisations', 'wideDissemination'] as const

export const attachmentKinds = ['call_text', 'form', 'annex', 'template', 'other'] as const
export const attachmentLanguages = ['it', 'en', 'both'] as const

/** Payments of a grant, and who verified the expenditure behind one. */
export const paymentKinds = ['advance', 'interim', 'balance'] as const
export const verifierKinds = ['expert', 'credit_institution'] as const
