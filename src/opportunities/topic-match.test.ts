import { describe, expect, it } from 'vitest'
import { createVocabularyExpander, taxonomyLabelEntries } from '../matchmaking/query-expansion.js'
import { vocabulary } from '../matchmaking/vocabulary.js'
import { taxonomyNodes } from '../taxonomy/taxonomy-data.js'
import { fits, fitThreshold, maxPoints, prepareOrganisation, prepareOrganisationWith, prepareTopic, scoreTopic, type Competence, type TopicForMatch } from './topic-match.js'

const shipped = createVocabularyExpander([...vocabulary, ...taxonomyLabelEntries(taxonomyNodes)])
const expand = shipped.expandNow
const competence = (code: string): Competence => {
  const node = taxonomyNodes.find((candidate) => candidate.code === code)
  if (!node) throw new Error(code)
  return { code, labelIt: node.labelIt, labelEn: node.labelEn }
}

const hydrogenTopic: TopicForMatch = {
  title: 'Green hydrogen production from renewable electricity in hard-to-abate industries',
  keywords: ['Hydrogen', 'Electrolysers', 'Decarbonisation'],
  description: 'Expected outcome: electrolysers with lower cost. Scope: storage of hydrogen in steel plants and chemical industries.',
}
const roboticsTopic: TopicForMatch = {
  title: 'Collaborative robots for agile manufacturing',
  keywords: ['Robotics', 'Manufacturing'],
  description: 'Scope: sensors, artificial intelligence and safe human-robot interaction in factories of small and medium enterprises.',
}

describe('scoreTopic', () => {
  it('finds an Italian keyword in an English topic title through the vocabulary', () => {
    const organisation = prepareOrganisation(expand, { competences: [], keywords: ['idrogeno'], description: '' })
    const match = scoreTopic(hydrogenTopic, organisation)
    expect(match.reasons).toContainEqual({ code: 'keywords', points: 20, terms: ['idrogeno'], where: 'title' })
    expect(match.score).toBe(20)
  })

  it('names the taxonomy competence, with the words found, and gives it the most points', () => {
    const organisation = prepareOrganisation(expand, { competences: [competence('TR.H2'), competence('SF.02')], keywords: [], description: '' })
    const match = scoreTopic(hydrogenTopic, organisation)
    const taxonomy = match.reasons.filter((reason) => reason.code === 'taxonomy')
    expect(taxonomy).toHaveLength(1)
    expect(taxonomy[0]).toMatchObject({ taxonomyCode: 'TR.H2', where: 'title' })
    expect(taxonomy[0]?.terms.join(' ')).toMatch(/hydrogen/i)
    expect(match.score).toBeGreaterThanOrEqual(fitThreshold)
    expect(fits(match)).toBe(true)
  })

  it('scores a fitting topic above one outside the competences', () => {
    const organisation = prepareOrganisation(expand, { competences: [competence('SF.02')], keywords: ['robotica', 'sensori'], description: 'Progettiamo robot collaborativi.' })
    const robotics = scoreTopic(roboticsTopic, organisation)
    const hydrogen = scoreTopic(hydrogenTopic, organisation)
    expect(robotics.score).toBeGreaterThan(hydrogen.score)
    expect(fits(robotics)).toBe(true)
    expect(fits(hydrogen)).toBe(false)
    expect(robotics.reasons.map((reason) => reason.code)).toEqual(expect.arrayContaining(['taxonomy', 'keywords', 'description']))
  })

  it('counts once a keyword listed in both languages', () => {
    const organisation = prepareOrganisation(expand, { competences: [], keywords: ['idrogeno', 'hydrogen'], description: '' })
    expect(scoreTopic(hydrogenTopic, organisation).reasons).toEqual([{ code: 'keywords', points: 20, terms: ['idrogeno'], where: 'title' }])
  })

  it('counts a keyword found only in the description for less than one in the title', () => {
    const organisation = prepareOrganisation(expand, { competences: [], keywords: ['sensori'], description: '' })
    const match = scoreTopic(roboticsTopic, organisation)
    expect(match.reasons).toEqual([{ code: 'keywords', points: 10, terms: ['sensori'], where: 'text' }])
  })

  it('ranks a keyword in the title above competence terms scattered in the description', () => {
    const organisation = prepareOrganisation(expand, { competences: [competence('CN.03')], keywords: ['tessile'], description: '' })
    const inTitle = scoreTopic({ title: 'Circular textile recycling', keywords: [], description: 'New fibres.' }, organisation)
    const inText = scoreTopic({ title: 'Antiviral surfaces', keywords: [], description: 'Polymer and composite matrices.' }, organisation)
    expect(inTitle.score).toBeGreaterThan(inText.score)
    expect(fits(inTitle)).toBe(true)
  })

  it('needs more than one sign in the description alone to call a topic a fit', () => {
    const organisation = prepareOrganisation(expand, { competences: [competence('CN.03')], keywords: ['sensori'], description: '' })
    expect(fits(scoreTopic({ title: 'Something else', keywords: [], description: 'Sensors.' }, organisation))).toBe(false)
    expect(fits(scoreTopic({ title: 'Something else', keywords: [], description: 'Sensors in polymer composites.' }, organisation))).toBe(true)
  })

  it('ignores words too generic to tell anything (materials, systems, innovation)', () => {
    const organisation = prepareOrganisation(expand, { competences: [], keywords: ['materiali', 'sistemi', 'innovazione'], description: '' })
    const match = scoreTopic({ title: 'Advanced materials systems for innovation', keywords: [], description: '' }, organisation)
    expect(match).toEqual({ score: 0, reasons: [] })
  })

  it('caps each kind of reason and the total at 100', () => {
    const keywords = ['robot', 'sensori', 'intelligenza artificiale', 'manifattura', 'robotica collaborativa', 'fabbrica']
    const organisation = prepareOrganisation(expand, {
      competences: [competence('SF.02'), competence('SF.01'), competence('ICT.01')],
      keywords,
      description: 'robot sensori intelligenza artificiale manifattura',
    })
    const match = scoreTopic(
      { title: 'Robots, sensors, artificial intelligence, industrial automation, manufacturing, factory', keywords: ['Robotics'], description: '' },
      organisation,
    )
    const byCode = (code: string): number => match.reasons.filter((reason) => reason.code === code).reduce((sum, reason) => sum + reason.points, 0)
    expect(byCode('keywords')).toBeLessThanOrEqual(maxPoints.keywords)
    expect(byCode('description')).toBeLessThanOrEqual(maxPoints.description)
    expect(byCode('taxonomy')).toBeLessThanOrEqual(maxPoints.taxonomy)
    expect(match.score).toBeLessThanOrEqual(100)
    expect(match.score).toBe(byCode('keywords') + byCode('description') + byCode('taxonomy'))
  })

  it('gives the same result for a prepared topic and a raw one, and nothing for an empty organisation', () => {
    const organisation = prepareOrganisation(expand, { competences: [competence('TR.H2')], keywords: ['idrogeno'], description: '' })
    expect(scoreTopic(prepareTopic(hydrogenTopic), organisation)).toEqual(scoreTopic(hydrogenTopic, organisation))
    expect(scoreTopic(hydrogenTopic, prepareOrganisation(expand, { competences: [], keywords: [], description: '' }))).toEqual({ score: 0, reasons: [] })
  })
})

describe('prepareOrganisationWith (an expander that answers asynchronously)', () => {
  const organisation = { competences: [competence('TR.H2'), competence('SF.02')], keywords: ['robotica', 'sensori'], description: 'Progettiamo robot collaborativi per la nautica.' }

  it('prepares what the synchronous vocabulary prepares, asking each text once', async () => {
    const asked: string[] = []
    const counting = { expand: async (text: string) => (asked.push(text), shipped.expandNow(text)) }
    expect(await prepareOrganisationWith(counting, organisation)).toEqual(prepareOrganisation(expand, organisation))
    expect(new Set(asked).size).toBe(asked.length)
  })

  it('lets a plugged-in expander widen a keyword the vocabulary does not know', async () => {
    const neighbours = { expand: async (text: string) => (text === 'lunastone' ? { groups: [['lunastone', 'hydrogen']] } : shipped.expandNow(text)) }
    const prepared = await prepareOrganisationWith(neighbours, { competences: [], keywords: ['lunastone'], description: '' })
    expect(scoreTopic(hydrogenTopic, prepared).reasons).toContainEqual({ code: 'keywords', points: 20, terms: ['lunastone'], where: 'title' })
    expect(scoreTopic(hydrogenTopic, prepareOrganisation(expand, { competences: [], keywords: ['lunastone'], description: '' })).score).toBe(0)
  })
})
