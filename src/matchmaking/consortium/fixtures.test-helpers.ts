import { orgKey, type Corpus, type CorpusParticipation, type CorpusProject } from './corpus.js'

type Member = string | { name: string; country?: string; city?: string }

/** A corpus from project id -> member names, for tests. */
export function tinyCorpus(projects: Record<string, { title?: string; members: Member[] }>): Corpus {
  const out: Corpus = { projects: [], participations: [] }
  for (const [id, p] of Object.entries(projects)) {
    const project: CorpusProject = {
      id,
      rcn: id,
      acronym: id,
      title: p.title ?? `Project ${id}`,
      startDate: '2008-01-01',
      endDate: null,
      cost: null,
      funding: null,
    }
    out.projects.push(project)
    p.members.forEach((m, order) => {
      const member = typeof m === 'string' ? { name: m } : m
      const row: CorpusParticipation = {
        projectId: id,
        order,
        name: member.name,
        key: orgKey(member.name),
        country: member.country ?? null,
        city: member.city ?? null,
        lat: null,
        lon: null,
      }
      out.participations.push(row)
    })
  }
  return out
}
