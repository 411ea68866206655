import type { Corpus, CorpusParticipation } from './corpus.js'

export type QueryPartner = { name: string; country?: string; city?: string }

export type BenchmarkQuery = {
  projectId: string
  title: string
  partners: QueryPartner[]
  hidden: { key: string; name: string }
}

function toPartner(row: CorpusParticipation): QueryPartner {
  const partner: QueryPartner = { name: row.name }
  if (row.country !== null) partner.country = row.country
  if (row.city !== null) partner.city = row.city
  return partner
}

/**
 * The benchmark task: for every test project with at least two distinct participants, and for every
 * participant also known to the corpus, hide it and give the others. A participant listed twice under
 * the same key counts once (its first listing).
 */
export function generateQueries(test: Corpus, corpusKeys: ReadonlySet<string>): BenchmarkQuery[] {
  const byProject = new Map<string, CorpusParticipation[]>()
  for (const row of test.participations) {
    const list = byProject.get(row.projectId)
    if (list === undefined) byProject.set(row.projectId, [row])
    else list.push(row)
  }
  const queries: BenchmarkQuery[] = []
  for (const project of test.projects) {
    const rows = [...(byProject.get(project.id) ?? [])].sort((a, b) => a.order - b.order)
    const distinct = new Map<string, CorpusParticipation>()
    for (const row of rows) if (!distinct.has(row.key)) distinct.set(row.key, row)
    if (distinct.size < 2) continue
    for (const [key, row] of distinct) {
      if (!corpusKeys.has(key)) continue
      const partners = [...distinct.values()].filter((other) => other.key !== key).map(toPartner)
      queries.push({ projectId: project.id, title: project.title, partners, hidden: { key, name: row.name } })
    }
  }
  return queries
}
