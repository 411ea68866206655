import { describe, expect, it } from 'vitest'
import { english, italian } from '../i18n/catalogues'

// Keys the evaluation pages build from a value (t(`calls.evaluation.status.${status}`)), which the catalogue test cannot see.
type Catalogue = { [key: string]: string | Catalogue }

function lookup(catalogue: Catalogue, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Catalogue)[part] : undefined), catalogue)
}

const built = [
  ...['funded', 'reserve', 'below_threshold', 'pending'].map((status) => `calls.evaluation.status.${status}`),
  ...['declined', 'toScore', 'toAgree', 'waiting', 'done'].map((state) => `calls.evaluation.mine.state.${state}`),
  ...[
    'submittedProjects',
    'financedProjects',
    'enterprisesInvolved',
    'totalInvestmentCents',
    'publicGrantCents',
    'researchContracts',
    'researchContractsCents',
    'researchOrganisationsInvolved',
  ].map((indicator) => `calls.evaluation.indicators.${indicator}`),
]

describe('evaluation texts built from values', () => {
  it('exist in Italian and English', () => {
    for (const catalogue of [italian, english] as Catalogue[]) expect(built.filter((key) => typeof lookup(catalogue, key) !== 'string')).toEqual([])
  })
})
