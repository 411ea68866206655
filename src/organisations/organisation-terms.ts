// The registry's words as plain lists, with no server dependency: the API's schemas and the web app's forms and
// filters both import them (see ARCHITECTURE.md), so that the two cannot drift apart.

export const organisationTypes = [
  'startup',
  'sme',
  'large_company',
  'company',
  'research_organisation',
  'university',
  'financial_operator',
  'public_body',
  'other',
] as const

/** The EU SME size classes (Recommendation 2003/361/EC), and "large". */
export const sizeClasses = ['micro', 'small', 'medium', 'large'] as const
