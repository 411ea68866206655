// The calls' words as plain lists, with no server dependency: the API's schemas and the web app's forms both
// import them (see ARCHITECTURE.md), so that the two cannot drift apart.

export const budgetSources = ['national', 'regional', 'eu_structural', 'private'] as const

export const attachmentKinds = ['call_text', 'form', 'annex', 'template', 'other'] as const
export const attachmentLanguages = ['it', 'en', 'both'] as const

/** Payments of a grant, and who verified the expenditure behind one. */
export const paymentKinds = ['advance', 'interim', 'balance'] as const
export const verifierKinds = ['expert', 'credit_institution'] as const
