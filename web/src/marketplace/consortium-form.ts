// The consortium builder's form state and the request it sends: pure, tested in consortium-form.test.ts.

export type PartnerChoice =
  | { kind: 'directory'; organisationId: string; name: string; city: string | null }
  | { kind: 'free'; name: string; country: string }

export type ConsortiumFormState = { title: string; description: string; taxonomyCodes: string[]; partners: PartnerChoice[] }

export const emptyConsortiumForm: ConsortiumFormState = { title: '', description: '', taxonomyCodes: [], partners: [] }

export type SuggestionsRequest = {
  title: string
  description?: string
  taxonomyCodes: string[]
  partners: ({ organisationId: string } | { name: string; country: string })[]
}

const identity = (partner: PartnerChoice): string =>
  partner.kind === 'directory' ? `id:${partner.organisationId}` : `name:${partner.name.trim().toUpperCase()}|${partner.country.trim().toUpperCase()}`

/** Adds a partner once: the same directory organisation, or the same name in the same country, is not added twice. */
export function addPartner(partners: readonly PartnerChoice[], partner: PartnerChoice): PartnerChoice[] {
  if (partner.kind === 'free' && (partner.name.trim() === '' || partner.country.trim() === '')) return [...partners]
  return partners.some((p) => identity(p) === identity(partner)) ? [...partners] : [...partners, partner]
}

export function removePartner(partners: readonly PartnerChoice[], index: number): PartnerChoice[] {
  return partners.filter((_, i) => i !== index)
}

export function suggestionsRequest(form: ConsortiumFormState): SuggestionsRequest {
  const description = form.description.trim()
  return {
    title: form.title.trim(),
    ...(description ? { description } : {}),
    taxonomyCodes: form.taxonomyCodes,
    partners: form.partners.map((p) =>
      p.kind === 'directory' ? { organisationId: p.organisationId } : { name: p.name.trim(), country: p.country.trim().toUpperCase() },
    ),
  }
}
