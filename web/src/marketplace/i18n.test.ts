import { describe, expect, it } from 'vitest'
import { organisationTypes } from '../organisations/types'
import en from './i18n/en.json'
import it_ from './i18n/it.json'
import { closeOutcomes, funnelStages, meetingStages, geographicScopes, partnershipKinds, profileKinds, profileStatuses, interestStepKinds } from './types'

type Catalogue = { [key: string]: string | Catalogue }
const lookup = (catalogue: Catalogue, path: string): unknown => path.split('.').reduce<unknown>((node, key) => (node as Catalogue | undefined)?.[key], catalogue)

describe('marketplace texts built from values', () => {
  const families = [
    ...profileKinds.map((kind) => `kinds.${kind}`),
    ...profileStatuses.map((status) => `statuses.${status}`),
    ...partnershipKinds.map((kind) => `partnerships.${kind}`),
    ...geographicScopes.map((scope) => `scopes.${scope}`),
    ...closeOutcomes.map((outcome) => `outcomes.${outcome}`),
    ...interestStepKinds.map((step) => `steps.${step}`),
    ...['pending', 'accepted', 'declined'].map((status) => `interestStatuses.${status}`),
    ...['physical', 'virtual'].map((mode) => `meetingModes.${mode}`),
    ...funnelStages.map((stage) => `funnel.stages.${stage}`),
    ...meetingStages.map((stage) => `funnel.meetingStages.${stage}`),
    ...['saved', 'submitted'].map((notice) => `notices.${notice}`),
    ...['it', 'en'].map((language) => `profile.alsoIn.${language}`),
  ]

  it('exist in Italian and English', () => {
    for (const catalogue of [it_, en] as Catalogue[]) expect(families.filter((key) => typeof lookup(catalogue, key) !== 'string')).toEqual([])
    expect(organisationTypes.length).toBeGreaterThan(0)
  })
})
