import { sql } from 'kysely'
import { audit } from '../platform/audit.js'
import type { Db } from '../platform/db.js'
import type { ClustersTable } from '../platform/database.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import { assertKnownTaxonomyCodes } from '../taxonomy/taxonomy.service.js'
import { clusters as clusterSeeds } from './reference-data.js'

export type ClusterKind = ClustersTable['kind']
export type ClusterRef = { slug: string; nameIt: string; nameEn: string; kind: ClusterKind }
export type ClusterSummary = {
  id: string
  slug: string
  kind: ClusterKind
  nameIt: string
  nameEn: string
  shortName: string
  sectorIt: string
  sectorEn: string
  regionNuts2: string | null
  managingEntity: string | null
  fundedByRegion: boolean
  foundedYear: number | null
  memberCount: number
}
export type ClusterDetail = ClusterSummary & {
  website: string | null
  descriptionIt: string
  descriptionEn: string
  priorityCodes: string[]
  parents: ClusterRef[]
  children: ClusterRef[]
}
export type MemberRow = {
  membershipId: string
  organisationId: string
  legalName: string
  type: string
  associated: boolean
  since: string
  until: string | null
}

/**
 * Inserts the shipped districts and clusters that are missing. Existing rows are left alone: once on
 * the platform, a district's texts belong to its managers.
 */
export async function syncClusters(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const [position, seed] of clusterSeeds.entries()) {
      const inserted = await trx
        .insertInto('clusters')
        .values({
          slug: seed.slug,
          kind: seed.kind,
          name_it: seed.nameIt,
          name_en: seed.nameEn,
          short_name: seed.shortName,
          sector_it: seed.sectorIt,
          sector_en: seed.sectorEn,
          region_nuts2: seed.regionNuts2,
          managing_entity: seed.managingEntity,
          website: seed.website,
          description_it: seed.descriptionIt,
          description_en: seed.descriptionEn,
          funded_by_region: seed.fundedByRegion,
          founded_year: seed.foundedYear,
          position,
        })
        .onConflict((oc) => oc.column('slug').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (inserted && seed.priorityCodes.length > 0) {
        await trx
          .insertInto('cluster_priorities')
          .values(seed.priorityCodes.map((code) => ({ cluster_id: inserted.id, taxonomy_code: code })))
          .execute()
      }
    }
    const ids = new Map((await trx.selectFrom('clusters').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]))
    const links = clusterSeeds.flatMap((seed) =>
      seed.parentSlugs.map((parent) => ({ parent_id: ids.get(parent) as string, child_id: ids.get(seed.slug) as string })),
    )
    if (links.length > 0) {
      await trx.insertInto('cluster_links').values(links).onConflict((oc) => oc.doNothing()).execute()
    }
  })
}

// Active members today; a cluster of clusters (CLOCK) counts the members of the districts it joins.
const activeMemberCount = sql<number>`(SELECT count(DISTINCT m.organisation_id) FROM memberships m
  WHERE (m.cluster_id = clusters.id OR m.cluster_id IN (SELECT l.child_id FROM cluster_links l WHERE l.parent_id = clusters.id))
  AND m.since <= current_date AND (m.until IS NULL OR m.until >= current_date))`

function summaryQuery(db: Db) {
  return db
    .selectFrom('clusters')
    .select([
      'id',
      'slug',
      'kind',
      'name_it',
      'name_en',
      'short_name',
      'sector_it',
      'sector_en',
      'region_nuts2',
      'managing_entity',
      'funded_by_region',
      'founded_year',
      'website',
      'description_it',
      'description_en',
    ])
    .select(activeMemberCount.as('member_count'))
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>

function toSummary(row: SummaryRow): ClusterSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    nameIt: row.name_it,
    nameEn: row.name_en,
    shortName: row.short_name,
    sectorIt: row.sector_it,
    sectorEn: row.sector_en,
    regionNuts2: row.region_nuts2,
    managingEntity: row.managing_entity,
    fundedByRegion: row.funded_by_region,
    foundedYear: row.founded_year,
    memberCount: Number(row.member_count),
  }
}

export async function listClusters(db: Db, kind?: ClusterKind): Promise<ClusterSummary[]> {
  let query = summaryQuery(db).orderBy('position')
  if (kind) query = query.where('kind', '=', kind)
  return (await query.execute()).map(toSummary)
}

export async function findClusterId(db: Db, slug: string): Promise<string> {
  const row = await db.selectFrom('clusters').select('id').where('slug', '=', slug).executeTakeFirst()
  if (!row) throw notFound('entity.cluster')
  return row.id
}

export async function getCluster(db: Db, slug: string): Promise<ClusterDetail> {
  const row = await summaryQuery(db).where('slug', '=', slug).executeTakeFirst()
  if (!row) throw notFound('entity.cluster')
  const refColumns = ['clusters.slug', 'clusters.name_it', 'clusters.name_en', 'clusters.kind'] as const
  const [priorities, parents, children] = await Promise.all([
    db
      .selectFrom('cluster_priorities')
      .innerJoin('taxonomy_nodes', 'taxonomy_nodes.code', 'cluster_priorities.taxonomy_code')
      .select('taxonomy_code')
      .where('cluster_id', '=', row.id)
      .orderBy('taxonomy_nodes.position')
      .execute(),
    db
      .selectFrom('cluster_links')
      .innerJoin('clusters', 'clusters.id', 'cluster_links.parent_id')
      .select(refColumns)
      .where('cluster_links.child_id', '=', row.id)
      .orderBy('clusters.position')
      .execute(),
    db
      .selectFrom('cluster_links')
      .innerJoin('clusters', 'clusters.id', 'cluster_links.child_id')
      .select(refColumns)
      .where('cluster_links.parent_id', '=', row.id)
      .orderBy('clusters.position')
      .execute(),
  ])
  const toRef = (ref: (typeof parents)[number]): ClusterRef => ({ slug: ref.slug, nameIt: ref.name_it, nameEn: ref.name_en, kind: ref.kind })
  return {
    ...toSummary(row),
    website: row.website,
    descriptionIt: row.description_it,
    descriptionEn: row.description_en,
    priorityCodes: priorities.map((priority) => priority.taxonomy_code),
    parents: parents.map(toRef),
    children: children.map(toRef),
  }
}

export type ClusterChanges = {
  descriptionIt?: string | undefined
  descriptionEn?: string | undefined
  managingEntity?: string | null | undefined
  website?: string | null | undefined
  priorityCodes?: string[] | undefined
}

export async function updateCluster(db: Db, actorId: string, clusterId: string, changes: ClusterChanges): Promise<void> {
  if (changes.priorityCodes) await assertKnownTaxonomyCodes(db, changes.priorityCodes, 'priorityCodes')
  await db.transaction().execute(async (trx) => {
    const values: { description_it?: string; description_en?: string; managing_entity?: string | null; website?: string | null } = {}
    if (changes.descriptionIt !== undefined) values.description_it = changes.descriptionIt
    if (changes.descriptionEn !== undefined) values.description_en = changes.descriptionEn
    if (changes.managingEntity !== undefined) values.managing_entity = changes.managingEntity
    if (changes.website !== undefined) values.website = changes.website
    await trx.updateTable('clusters').set({ ...values, updated_at: new Date() }).where('id', '=', clusterId).execute()
    if (changes.priorityCodes) {
      await trx.deleteFrom('cluster_priorities').where('cluster_id', '=', clusterId).execute()
      const codes = [...new Set(changes.priorityCodes)]
      if (codes.length > 0) {
        await trx.insertInto('cluster_priorities').values(codes.map((code) => ({ cluster_id: clusterId, taxonomy_code: code }))).execute()
      }
    }
    await audit(trx, actorId, 'cluster.update', 'cluster', clusterId, changes)
  })
}

export async function listMembers(
  db: Db,
  clusterId: string,
  page: number,
  pageSize: number,
): Promise<{ items: MemberRow[]; total: number }> {
  const [rows, total] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
      .select([
        'memberships.id',
        'memberships.organisation_id',
        'organisations.legal_name',
        'organisations.type',
        'memberships.associated',
        'memberships.since',
        'memberships.until',
      ])
      .where('memberships.cluster_id', '=', clusterId)
      .orderBy('organisations.name_folded')
      .orderBy('memberships.since', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('cluster_id', '=', clusterId)
      .executeTakeFirstOrThrow(),
  ])
  return {
    items: rows.map((row) => ({
      membershipId: row.id,
      organisationId: row.organisation_id,
      legalName: row.legal_name,
      type: row.type,
      associated: row.associated,
      since: row.since,
      until: row.until,
    })),
    total: Number(total.count),
  }
}

export type MembershipInput = { organisationId: string; associated: boolean; since: string; until?: string | null | undefined }

export async function addMembership(db: Db, actorId: string, clusterId: string, input: MembershipInput): Promise<string> {
  assertPeriod(input.since, input.until ?? null)
  return db.transaction().execute(async (trx) => {
    const organisation = await trx.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst()
    if (!organisation) throw invalidField('organisationId', 'error.not_found', { entity: 'entity.organisation' })
    await assertNoOverlap(trx, clusterId, input.organisationId, input.since, input.until ?? null, null)
    const row = await trx
      .insertInto('memberships')
      .values({
        organisation_id: input.organisationId,
        cluster_id: clusterId,
        associated: input.associated,
        since: input.since,
        until: input.until ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actorId, 'membership.add', 'membership', row.id, input)
    return row.id
  })
}

export async function membershipCluster(db: Db, membershipId: string): Promise<string> {
  const row = await db.selectFrom('memberships').select('cluster_id').where('id', '=', membershipId).executeTakeFirst()
  if (!row) throw notFound('entity.membership')
  return row.cluster_id
}

export async function updateMembership(
  db: Db,
  actorId: string,
  membershipId: string,
  changes: { associated?: boolean | undefined; since?: string | undefined; until?: string | null | undefined },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('memberships').selectAll().where('id', '=', membershipId).executeTakeFirst()
    if (!current) throw notFound('entity.membership')
    const since = changes.since ?? current.since
    const until = changes.until === undefined ? current.until : changes.until
    assertPeriod(since, until)
    await assertNoOverlap(trx, current.cluster_id, current.organisation_id, since, until, membershipId)
    await trx
      .updateTable('memberships')
      .set({ associated: changes.associated ?? current.associated, since, until })
      .where('id', '=', membershipId)
      .execute()
    await audit(trx, actorId, 'membership.update', 'membership', membershipId, changes)
  })
}

export async function deleteMembership(db: Db, actorId: string, membershipId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('memberships').where('id', '=', membershipId).execute()
    await audit(trx, actorId, 'membership.delete', 'membership', membershipId)
  })
}

function assertPeriod(since: string, until: string | null): void {
  if (until !== null && until < since) throw invalidField('until', 'validation.invalid_period')
}

async function assertNoOverlap(
  db: Db,
  clusterId: string,
  organisationId: string,
  since: string,
  until: string | null,
  exceptId: string | null,
): Promise<void> {
  let query = db
    .selectFrom('memberships')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .where('organisation_id', '=', organisationId)
    .where((eb) => eb.or([eb('until', 'is', null), eb('until', '>=', since)]))
  if (until !== null) query = query.where('since', '<=', until)
  if (exceptId) query = query.where('id', '!=', exceptId)
  if (await query.executeTakeFirst()) {
    throw new AppError('conflict', { messageKey: 'error.membership_overlap', field: 'since' })
  }
}
