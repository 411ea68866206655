import { readFileSync } from 'node:fs'
import type { Db } from '../platform/db.js'
import { addDays, romeToday } from '../platform/rome-time.js'
import type { EuTopic } from './eu-topics-import.js'
import { upsertEuTopics } from './eu-topics-import.js'
import { flagTopic } from './opportunities.service.js'

/** A hand-written topic of the demo: dates are days from the day the demo is loaded, so it stays current. */
type DemoTopic = {
  identifier: string
  title: string
  programme: string
  programmePart: string
  callIdentifier: string
  callTitle: string
  actionType: string
  typesOfAction: string
  opensInDays: number
  deadlineInDays: number
  deadlineModel: string
  budgetMinEuro: number | null
  budgetMaxEuro: number | null
  expectedGrants: number | null
  keywords: string[]
  description: string
}

export function loadDemoTopics(): DemoTopic[] {
  return JSON.parse(readFileSync(new URL('./demo-topics.json', import.meta.url), 'utf8')) as DemoTopic[]
}

/** The demo topics as of a given Rome day: closed past their deadline, forthcoming before their opening. */
export function demoTopicsAsOf(today: string, topics: readonly DemoTopic[] = loadDemoTopics()): EuTopic[] {
  return topics.map((topic) => ({
    identifier: topic.identifier,
    title: topic.title,
    programme: topic.programme,
    programmePart: topic.programmePart,
    callIdentifier: topic.callIdentifier,
    callTitle: topic.callTitle,
    actionType: topic.actionType,
    typesOfAction: topic.typesOfAction,
    status: topic.deadlineInDays < 0 ? 'closed' : topic.opensInDays > 0 ? 'forthcoming' : 'open',
    opensOn: addDays(today, topic.opensInDays),
    deadline: addDays(today, topic.deadlineInDays),
    deadlineModel: topic.deadlineModel,
    budgetMinCents: topic.budgetMinEuro === null ? null : topic.budgetMinEuro * 100,
    budgetMaxCents: topic.budgetMaxEuro === null ? null : topic.budgetMaxEuro * 100,
    expectedGrants: topic.expectedGrants,
    keywords: topic.keywords,
    description: topic.description,
    portalUrl: null,
  }))
}

const flaggedByMaterials = 'HORIZON-CL4-2027-MATERIALS-01-04'

/** Loads the demo's EU topics, and the advanced-materials district flags one to its members; a second run changes nothing. */
export async function seedDemoOpportunities(db: Db): Promise<void> {
  await upsertEuTopics(db, demoTopicsAsOf(romeToday()), 'demo')
  const [topic, manager] = await Promise.all([
    db.selectFrom('eu_topics').select('id').where('identifier', '=', flaggedByMaterials).executeTakeFirst(),
    db
      .selectFrom('district_managers as m')
      .innerJoin('clusters as c', 'c.id', 'm.cluster_id')
      .select(['m.user_id', 'm.cluster_id'])
      .where('c.slug', '=', 'tuscany-advanced-materials')
      .orderBy('m.user_id')
      .executeTakeFirst(),
  ])
  if (!topic || !manager) return
  const flagged = await db.selectFrom('eu_topic_flags').select('topic_id').where('topic_id', '=', topic.id).where('cluster_id', '=', manager.cluster_id).executeTakeFirst()
  if (flagged) return
  const actor = { userId: manager.user_id, roles: [], organisationRoles: new Map(), managedClusterIds: new Set([manager.cluster_id]) }
  await flagTopic(db, actor, 'it', topic.id, {
    district: 'tuscany-advanced-materials',
    note: 'Tema vicino al piano strategico del distretto: chi è interessato a un consorzio ci scriva entro fine mese.',
  })
}
