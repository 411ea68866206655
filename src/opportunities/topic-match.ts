import type { ExpandedQuery, QueryExpander } from '../matchmaking/query-expansion.js'
import { looseStem, tokenize } from '../matchmaking/query-expansion.js'
import { stemText, type StemmedText } from '../matchmaking/recommend/text-match.js'
import { descriptionReadLength } from './topic-text.js'

/**
 * How well an EU topic fits an organisation: a sum of points, each earned for a reason the member can
 * read (a competence of the taxonomy, a keyword, a term of the description found in the topic). Topics
 * are in English and profiles mostly in Italian, so every term is widened across languages by the
 * marketplace's bilingual vocabulary and the taxonomy's labels before it is looked for.
 */

/** Widens a text into concepts, each a list of equivalent forms, the text's own first (the marketplace's expander). */
export type Expand = (text: string) => ExpandedQuery

export type Competence = { code: string; labelIt: string; labelEn: string }

export type OrganisationCompetences = {
  competences: readonly Competence[]
  keywords: readonly string[]
  /** The organisation's descriptions, in any language. */
  description: string
}

export type TopicForMatch = { title: string; keywords: readonly string[]; description: string }

/** Where a term was found: in the topic's title or keywords (strong), or only in its description. */
export type Where = 'title' | 'text'

export type TopicReason =
  | { code: 'taxonomy'; points: number; taxonomyCode: string; terms: string[]; where: Where }
  | { code: 'keywords'; points: number; terms: string[]; where: Where }
  | { code: 'description'; points: number; terms: string[]; where: Where }

export type TopicMatch = { score: number; reasons: TopicReason[] }

/** The most each kind of reason can add; they sum to 100, so a score reads as a percentage. */
export const maxPoints = { taxonomy: 45, keywords: 40, description: 15 } as const

/** Below this a topic is not shown as fitting: a keyword or a competence in the topic's title is enough; in its text, two keywords or three terms of competences. */
export const fitThreshold = 20

/** Words too common in EU topics, or too vague in the taxonomy's labels, to tell anything on their own. */
const genericWords = new Set(
  (
    'system systems service services management production product products industry industries industrial material materials ' +
    'model models technology technologies technological data new other topic topics advanced integrated smart sustainable ' +
    'sustainability use uses supply chain application applications information design process processes solution solutions ' +
    'development research innovation innovative project projects European europe union market markets company companies ' +
    'enterprise enterprises business businesses partner partners partnership consortium funding financing grant grants call calls cost costs ' +
    'quality training skills competences regulation standards certification investment investments sme smes startup ' +
    'university organisation organization public policy policies support action actions activity activities impact impacts result results ' +
    'sistema sistemi servizio servizi gestione produzione prodotto prodotti industria industrie industriale materiale materiali ' +
    'modello modelli tecnologia tecnologie dati nuovo nuovi nuove altro altri altre tema temi avanzato avanzati avanzate integrato ' +
    'integrati intelligente intelligenti sostenibile sostenibili uso applicazione applicazioni informazione progettazione processo ' +
    'processi soluzione soluzioni sviluppo ricerca innovazione progetto progetti impresa imprese azienda aziende mercato ' +
    'engineering ingegneria based creazione organizzazioni dispositivi manufatti efficiente efficient applicativi living assisted ' +
    'supply chain filiera ambienti vita future things digital fine alta intensita energetica produttivi economy rapid protective ' +
    'integration trends assistiti test tests prove energy energia processing lavorazione lavorazioni'
  )
    .split(' ')
    .map(looseStem),
)

type Concept = { own: string; forms: string[] }

const stemPhrase = (form: string): string => tokenize(form).map(looseStem).join(' ')

function isInformative(own: string): boolean {
  const stems = tokenize(own).map(looseStem)
  if (stems.length === 0) return false
  if (stems.length === 1) return (stems[0] as string).length >= 4 && !genericWords.has(stems[0] as string)
  return stems.some((stem) => stem.length >= 4 && !genericWords.has(stem))
}

/** The form of a concept the text contains as a whole phrase, if any. */
export function foundForm(text: StemmedText, forms: readonly string[]): string | null {
  for (const form of forms) {
    const phrase = stemPhrase(form)
    if (phrase !== '' && text.includes(` ${phrase} `)) return form
  }
  return null
}

/** Adds the informative concepts not yet known under any of their forms. */
function addConcepts(target: Concept[], seen: Set<string>, groups: readonly (readonly string[])[]): void {
  for (const group of groups) {
    const own = group[0]
    if (own === undefined || !isInformative(own)) continue
    const keys = group.map(stemPhrase)
    if (keys.some((key) => seen.has(key))) continue
    for (const key of keys) seen.add(key)
    target.push({ own, forms: [...group] })
  }
}

/** A taxonomy label's parts ("Nanostructures, nanomaterials", "Robotics and assisted living"), each widened. */
export function competenceConcepts(expand: Expand, competence: Competence): Concept[] {
  const concepts: Concept[] = []
  const seen = new Set<string>()
  for (const label of [competence.labelEn, competence.labelIt]) {
    const parts = label.split(/[,:;()/&]| and | e | ed /i).map((part) => part.trim()).filter(Boolean)
    for (const part of parts) addConcepts(concepts, seen, expand(part).groups)
  }
  // A long phrase ("hydrogen supply chain") is seldom written whole: its informative words count on their own too.
  for (const concept of [...concepts]) {
    const words = tokenize(concept.own)
    if (words.length > 1) for (const word of words) addConcepts(concepts, seen, expand(word).groups)
  }
  return concepts
}

/** A keyword is one concept when the vocabulary knows it whole, otherwise it must be found word by word. */
function keywordConcepts(expand: Expand, keyword: string): Concept[] {
  const groups = expand(keyword).groups.filter((group) => group[0] !== undefined && isInformative(group[0]))
  return groups.map((group) => ({ own: group[0] as string, forms: [...group] }))
}

type TopicTexts = { head: StemmedText; body: StemmedText }

/** The topic's texts ready for phrase lookups; computing them once serves every organisation. */
export function prepareTopic(topic: TopicForMatch): TopicTexts {
  return { head: stemText(topic.title, topic.keywords.join(' , ')), body: stemText(topic.description.slice(0, descriptionReadLength)) }
}

/** The organisation's concepts, once for every topic it is matched against. */
export type PreparedOrganisation = {
  competences: { code: string; concepts: Concept[] }[]
  keywords: { keyword: string; concepts: Concept[] }[]
  description: Concept[]
}

const maxDescriptionConcepts = 40

export function prepareOrganisation(expand: Expand, organisation: OrganisationCompetences): PreparedOrganisation {
  const description: Concept[] = []
  const seen = new Set<string>()
  // Only the terms the vocabulary knows (a group with translations) are specific enough to count.
  addConcepts(description, seen, expand(organisation.description).groups.filter((group) => group.length > 1))
  return {
    competences: organisation.competences.map((competence) => ({ code: competence.code, concepts: competenceConcepts(expand, competence) })),
    keywords: organisation.keywords
      .filter((keyword) => keyword.trim() !== '')
      .map((keyword) => ({ keyword, concepts: keywordConcepts(expand, keyword) }))
      .filter((entry) => entry.concepts.length > 0),
    description: description.slice(0, maxDescriptionConcepts),
  }
}

/**
 * The same with an expander that answers asynchronously (a plugged-in one): the texts the preparation asks to
 * widen are collected pass by pass (a label's words are asked once its parts are widened), each widened once.
 */
export async function prepareOrganisationWith(expander: QueryExpander, organisation: OrganisationCompetences): Promise<PreparedOrganisation> {
  const answers = new Map<string, ExpandedQuery>()
  for (let pass = 0; pass < 5; pass++) {
    const missing = new Set<string>()
    const prepared = prepareOrganisation((text) => {
      const answer = answers.get(text)
      if (answer === undefined) missing.add(text)
      return answer ?? { groups: [] }
    }, organisation)
    if (missing.size === 0) return prepared
    const widened = await Promise.all([...missing].map(async (text) => [text, await expander.expand(text)] as const))
    for (const [text, answer] of widened) answers.set(text, answer)
  }
  return prepareOrganisation((text) => answers.get(text) ?? { groups: [] }, organisation)
}

type Hit = { where: Where; forms: string[] }

/** Where every concept is found, the title first; null when any one is missing. */
function findAll(texts: TopicTexts, concepts: readonly Concept[]): Hit | null {
  const forms: string[] = []
  let where: Where = 'title'
  for (const concept of concepts) {
    const inHead = foundForm(texts.head, concept.forms)
    if (inHead !== null) {
      forms.push(inHead)
      continue
    }
    const inBody = foundForm(texts.body, concept.forms)
    if (inBody === null) return null
    forms.push(inBody)
    where = 'text'
  }
  return { where, forms }
}

const unique = (items: readonly string[]): string[] => [...new Set(items)]

/** Scores one topic for one organisation, with the reasons, strongest first. */
export function scoreTopic(topic: TopicForMatch | TopicTexts, organisation: PreparedOrganisation): TopicMatch {
  const texts = 'head' in topic ? topic : prepareTopic(topic)
  const reasons: TopicReason[] = []

  // Competences: a concept in the title or keywords counts three times one found only in the long description.
  const codeHits: { code: string; strength: number; terms: string[]; where: Where }[] = []
  for (const competence of organisation.competences) {
    const inHead: string[] = []
    const inBody: string[] = []
    for (const concept of competence.concepts) {
      const head = foundForm(texts.head, concept.forms)
      if (head !== null) inHead.push(head)
      else {
        const body = foundForm(texts.body, concept.forms)
        if (body !== null) inBody.push(body)
      }
    }
    const strength = Math.min(1, inHead.length * 0.6 + inBody.length * 0.2)
    if (strength > 0) codeHits.push({ code: competence.code, strength, terms: unique([...inHead, ...inBody]), where: inHead.length > 0 ? 'title' : 'text' })
  }
  codeHits.sort((a, b) => b.strength - a.strength || a.code.localeCompare(b.code))
  const decay = [1, 0.5, 0.25]
  const taxonomyShare = Math.min(1, codeHits.slice(0, 3).reduce((sum, hit, index) => sum + hit.strength * (decay[index] as number), 0))
  const taxonomyPoints = Math.round(maxPoints.taxonomy * taxonomyShare)
  // The points go to the strongest competence's reason; the others are named, for information.
  codeHits.forEach((hit, index) => {
    reasons.push({ code: 'taxonomy', points: index === 0 ? taxonomyPoints : 0, taxonomyCode: hit.code, terms: hit.terms, where: hit.where })
  })

  // Keywords: 20 points for one found in the title or the topic's keywords, 10 in its description.
  // A keyword listed in both languages ("idrogeno", "hydrogen") finds the same words of the topic: it counts once.
  const foundKeys = new Set<string>()
  const keywordHits = organisation.keywords.flatMap(({ keyword, concepts }) => {
    const hit = findAll(texts, concepts)
    if (!hit) return []
    const key = hit.forms.map(stemPhrase).sort().join('|')
    if (foundKeys.has(key)) return []
    foundKeys.add(key)
    return [{ keyword, ...hit }]
  })
  const inTitle = keywordHits.filter((hit) => hit.where === 'title')
  const inText = keywordHits.filter((hit) => hit.where === 'text')
  const titlePoints = Math.min(maxPoints.keywords, inTitle.length * 20)
  const textPoints = Math.min(maxPoints.keywords - titlePoints, inText.length * 10)
  const keywordPoints = titlePoints + textPoints
  if (inTitle.length > 0) reasons.push({ code: 'keywords', points: titlePoints, terms: unique(inTitle.map((hit) => hit.keyword)), where: 'title' })
  if (inText.length > 0) reasons.push({ code: 'keywords', points: textPoints, terms: unique(inText.map((hit) => hit.keyword)), where: 'text' })

  // Terms of the description: only in the topic's title or keywords, the description of a topic being too wide.
  const descriptionTerms = organisation.description.flatMap((concept) => {
    const form = foundForm(texts.head, concept.forms)
    return form === null ? [] : [form]
  })
  const descriptionPoints = Math.min(maxPoints.description, descriptionTerms.length * 5)
  if (descriptionTerms.length > 0) reasons.push({ code: 'description', points: descriptionPoints, terms: unique(descriptionTerms), where: 'title' })

  const score = Math.min(100, taxonomyPoints + keywordPoints + descriptionPoints)
  reasons.sort((a, b) => b.points - a.points)
  return { score, reasons }
}

/** Whether a score is high enough to call the topic a fit. */
export function fits(match: TopicMatch): boolean {
  return match.score >= fitThreshold
}
