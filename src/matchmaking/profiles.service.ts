import { sql, type RawBuilder } from 'kysely'
import { audit } from '../platform/audit.js'
import type { Db } from '../platform/db.js'
import type { OrganisationType } from '../platform/database.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import { translate, type Locale } from '../platform/i18n.js'
import { addDays, romeToday } from '../platform/rome-time.js'
import { assertKnownTaxonomyCodes } from '../taxonomy/taxonomy.service.js'
import type { ProfileRef } from './matchmaking.policies.js'
import type { ProfileChanges, ProfileCreate } from './matchmaking.schema.js'
import { kindsWithTrl, type CloseOutcome, type GeographicScope, type PartnershipKind, type ProfileKind, type ProfileStatus } from './marketplace-terms.js'

export type OrganisationRef = {
  id: string
  name: string
  type: OrganisationType
  sizeClass: 'micro' | 'small' | 'medium' | 'large' | null
  city: string | null
  nuts2: string | null
}
export type DistrictRef = { id: string; slug: string; nameIt: string; nameEn: string }

export type ProfileSummary = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  language: 'it' | 'en'
  title: string
  summary: string
  organisation: OrganisationRef
  district: DistrictRef
  taxonomy: string[]
  trl: number | null
  expiresOn: string
  publishedAt: string | null
  submittedAt: string | null
  updatedAt: string
}

export type ProfileDetail = ProfileSummary & {
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  partnershipKinds: PartnershipKind[]
  targetOrganisationTypes: OrganisationType[]
  geographicScope: GeographicScope
  reviewComment: string | null
  reviewedAt: string | null
  closedAt: string | null
  closeOutcome: CloseOutcome | null
  createdAt: string
}

export type Duplicate = { id: string; title: string; status: ProfileStatus; similarity: number }

/** A profile stays on the marketplace at most this long before it must be renewed. */
export const maxLifetimeDays = 730
/** Trigram similarity of title or summary above which another profile of the organisation is a likely duplicate. */
export const duplicateThreshold = 0.35

const editableStatuses: readonly ProfileStatus[] = ['draft', 'returned']

type SummaryRow = {
  id: string
  kind: ProfileKind
  status: ProfileStatus
  language: 'it' | 'en'
  title: string
  summary: string
  organisation_id: string
  organisation_name: string
  organisation_type: OrganisationType
  size_class: OrganisationRef['sizeClass']
  city: string | null
  nuts2: string | null
  cluster_id: string
  cluster_slug: string
  cluster_name_it: string
  cluster_name_en: string
  taxonomy: string[]
  trl: number | null
  expires_on: string
  published_at: Date | null
  submitted_at: Date | null
  updated_at: Date
}

/** The columns of a profile summary, over `profiles p`; a published profile past its expiry date reads as expired. */
export const summaryColumns: RawBuilder<unknown> = sql`p.id, p.kind,
  CASE WHEN p.status = 'published' AND p.expires_on < current_date THEN 'expired' ELSE p.status END AS status,
  p.language, p.title, p.summary, p.trl, p.expires_on, p.published_at, p.submitted_at, p.updated_at,
  o.id AS organisation_id, o.legal_name AS organisation_name, o.type AS organisation_type, o.size_class, o.city, o.nuts2,
  k.id AS cluster_id, k.slug AS cluster_slug, k.name_it AS cluster_name_it, k.name_en AS cluster_name_en,
  ARRAY(SELECT t.taxonomy_code FROM profile_taxonomy t WHERE t.profile_id = p.id ORDER BY 1) AS taxonomy`

export const summaryJoins: RawBuilder<unknown> = sql`JOIN organisations o ON o.id = p.organisation_id JOIN clusters k ON k.id = p.cluster_id`

const iso = (value: Date | null): string | null => (value === null ? null : new Date(value).toISOString())

export function toSummary(row: SummaryRow): ProfileSummary {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    language: row.language,
    title: row.title,
    summary: row.summary,
    organisation: {
      id: row.organisation_id,
      name: row.organisation_name,
      type: row.organisation_type,
      sizeClass: row.size_class,
      city: row.city,
      nuts2: row.nuts2,
    },
    district: { id: row.cluster_id, slug: row.cluster_slug, nameIt: row.cluster_name_it, nameEn: row.cluster_name_en },
    taxonomy: row.taxonomy,
    trl: row.trl,
    expiresOn: row.expires_on,
    publishedAt: iso(row.published_at),
    submittedAt: iso(row.submitted_at),
    updatedAt: iso(row.updated_at) as string,
  }
}

export async function listSummaries(db: Db, where: RawBuilder<unknown>, order: RawBuilder<unknown>, limit = 200, offset = 0): Promise<ProfileSummary[]> {
  const result = await sql<SummaryRow>`SELECT ${summaryColumns} FROM profiles p ${summaryJoins} WHERE ${where}
    ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}`.execute(db)
  return result.rows.map(toSummary)
}

/** Who owns the profile, where it was posted and its state: what the permissions need. */
export async function profileRef(db: Db, id: string): Promise<ProfileRef & { id: string; expiresOn: string }> {
  const row = await db
    .selectFrom('profiles')
    .select(['id', 'organisation_id', 'cluster_id', 'status', 'expires_on', sql<boolean>`status = 'published' AND expires_on < current_date`.as('lapsed')])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('entity.profile')
  return { id: row.id, organisationId: row.organisation_id, clusterId: row.cluster_id, status: row.lapsed ? 'expired' : row.status, expiresOn: row.expires_on }
}

export async function getProfile(db: Db, id: string): Promise<ProfileDetail> {
  const result = await sql<
    SummaryRow & {
      description_it: string
      description_en: string
      keywords: string[]
      partnership_kinds: PartnershipKind[]
      target_organisation_types: OrganisationType[]
      geographic_scope: GeographicScope
      review_comment: string | null
      reviewed_at: Date | null
      closed_at: Date | null
      close_outcome: CloseOutcome | null
      created_at: Date
    }
  >`SELECT ${summaryColumns}, p.description_it, p.description_en, p.keywords, p.partnership_kinds, p.target_organisation_types,
      p.geographic_scope, p.review_comment, p.reviewed_at, p.closed_at, p.close_outcome, p.created_at
    FROM profiles p ${summaryJoins} WHERE p.id = ${id}`.execute(db)
  const row = result.rows[0]
  if (!row) throw notFound('entity.profile')
  return {
    ...toSummary(row),
    descriptionIt: row.description_it,
    descriptionEn: row.description_en,
    keywords: row.keywords,
    partnershipKinds: row.partnership_kinds,
    targetOrganisationTypes: row.target_organisation_types,
    geographicScope: row.geographic_scope,
    reviewComment: row.review_comment,
    reviewedAt: iso(row.reviewed_at),
    closedAt: iso(row.closed_at),
    closeOutcome: row.close_outcome,
    createdAt: iso(row.created_at) as string,
  }
}

async function clusterIdOf(db: Db, slug: string): Promise<string> {
  const row = await db.selectFrom('clusters').select('id').where('slug', '=', slug).executeTakeFirst()
  if (!row) throw invalidField('districtSlug', 'validation.unknown_district', { slug })
  return row.id
}

function assertExpiry(expiresOn: string, today: string): void {
  if (expiresOn <= today) throw invalidField('expiresOn', 'validation.expiry_not_future')
  if (expiresOn > addDays(today, maxLifetimeDays)) throw invalidField('expiresOn', 'validation.expiry_too_far', { days: maxLifetimeDays })
}

function assertTrlApplies(kind: ProfileKind, trl: number | null | undefined): void {
  if (trl !== null && trl !== undefined && !kindsWithTrl.includes(kind)) throw invalidField('trl', 'validation.trl_not_applicable')
}

type Columns = {
  kind?: ProfileKind
  cluster_id?: string
  language?: 'it' | 'en'
  title?: string
  summary?: string
  description_it?: string
  description_en?: string
  keywords?: string[]
  trl?: number | null
  partnership_kinds?: string[]
  target_organisation_types?: string[]
  geographic_scope?: GeographicScope
  expires_on?: string
}

async function toColumns(db: Db, input: ProfileChanges): Promise<Columns> {
  const columns: Columns = {}
  if (input.kind !== undefined) columns.kind = input.kind
  if (input.districtSlug !== undefined) columns.cluster_id = await clusterIdOf(db, input.districtSlug)
  if (input.language !== undefined) columns.language = input.language
  if (input.title !== undefined) columns.title = input.title
  if (input.summary !== undefined) columns.summary = input.summary
  if (input.descriptionIt !== undefined) columns.description_it = input.descriptionIt
  if (input.descriptionEn !== undefined) columns.description_en = input.descriptionEn
  if (input.keywords !== undefined) columns.keywords = [...new Set(input.keywords)]
  if (input.trl !== undefined) columns.trl = input.trl
  if (input.partnershipKinds !== undefined) columns.partnership_kinds = [...new Set(input.partnershipKinds)]
  if (input.targetOrganisationTypes !== undefined) columns.target_organisation_types = [...new Set(input.targetOrganisationTypes)]
  if (input.geographicScope !== undefined) columns.geographic_scope = input.geographicScope
  if (input.expiresOn !== undefined) {
    assertExpiry(input.expiresOn, romeToday())
    columns.expires_on = input.expiresOn
  }
  if (input.taxonomy !== undefined) await assertKnownTaxonomyCodes(db, input.taxonomy, 'taxonomy')
  return columns
}

export async function createProfile(db: Db, actorId: string, input: ProfileCreate): Promise<string> {
  const organisation = await db.selectFrom('organisations').select('id').where('id', '=', input.organisationId).executeTakeFirst()
  if (!organisation) throw invalidField('organisationId', 'validation.unknown_organisation')
  assertTrlApplies(input.kind, input.trl)
  const { organisationId, ...changes } = input
  const columns = await toColumns(db, changes)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('profiles')
      .values({
        ...columns,
        kind: input.kind,
        title: input.title,
        cluster_id: columns.cluster_id as string,
        expires_on: input.expiresOn,
        organisation_id: organisationId,
        created_by: actorId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceTaxonomy(trx, row.id, input.taxonomy)
    await audit(trx, actorId, 'profile.create', 'profile', row.id)
    return row.id
  })
}

async function replaceTaxonomy(db: Db, id: string, codes: readonly string[] | undefined): Promise<void> {
  if (codes === undefined) return
  await db.deleteFrom('profile_taxonomy').where('profile_id', '=', id).execute()
  const unique = [...new Set(codes)]
  if (unique.length > 0) await db.insertInto('profile_taxonomy').values(unique.map((code) => ({ profile_id: id, taxonomy_code: code }))).execute()
}

function assertEditable(status: ProfileStatus): void {
  if (!editableStatuses.includes(status)) throw new AppError('conflict', { messageKey: 'error.profile_not_editable' })
}

export async function updateProfile(db: Db, actorId: string, id: string, changes: ProfileChanges): Promise<void> {
  const current = await db.selectFrom('profiles').select(['status', 'kind', 'trl']).where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound('entity.profile')
  assertEditable(current.status)
  assertTrlApplies(changes.kind ?? current.kind, changes.trl === undefined ? current.trl : changes.trl)
  const columns = await toColumns(db, changes)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ ...columns, updated_at: new Date() }).where('id', '=', id).execute()
    await replaceTaxonomy(trx, id, changes.taxonomy)
    await audit(trx, actorId, 'profile.update', 'profile', id, { fields: Object.keys(changes) })
  })
}

/** Other profiles of the same organisation whose title or summary reads much like this one's. */
export async function findDuplicates(db: Db, id: string): Promise<Duplicate[]> {
  const result = await sql<{ id: string; title: string; status: ProfileStatus; similarity: number }>`
    SELECT other.id, other.title, other.status,
      round(greatest(similarity(other.title_folded, p.title_folded),
        CASE WHEN p.summary_folded <> '' AND other.summary_folded <> '' THEN similarity(other.summary_folded, p.summary_folded) ELSE 0 END)::numeric, 2)::float8 AS similarity
    FROM profiles p JOIN profiles other ON other.organisation_id = p.organisation_id AND other.id <> p.id
    WHERE p.id = ${id} AND other.status <> 'closed'
    ORDER BY similarity DESC, other.created_at DESC`.execute(db)
  return result.rows.filter((row) => row.similarity >= duplicateThreshold).slice(0, 10)
}

/** The checks a profile must pass to be sent for review; the field named is the first that fails. */
async function assertComplete(db: Db, id: string): Promise<void> {
  const profile = await db.selectFrom('profiles').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  if (profile.summary.trim() === '') throw invalidField('summary', 'validation.required_to_submit')
  if (profile.description_it.trim() === '' && profile.description_en.trim() === '') {
    throw invalidField('descriptionIt', 'validation.description_to_submit')
  }
  const tags = await db.selectFrom('profile_taxonomy').select('taxonomy_code').where('profile_id', '=', id).limit(1).execute()
  if (tags.length === 0) throw invalidField('taxonomy', 'validation.required_to_submit')
  if (profile.expires_on <= romeToday()) throw invalidField('expiresOn', 'validation.expiry_not_future')
}

export async function submitProfile(db: Db, actorId: string, id: string): Promise<void> {
  const current = await profileRef(db, id)
  assertEditable(current.status)
  await assertComplete(db, id)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ status: 'submitted', submitted_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute()
    await audit(trx, actorId, 'profile.submit', 'profile', id)
  })
}

export async function reviewProfile(db: Db, actorId: string, id: string, decision: 'approve' | 'return', comment: string | undefined): Promise<void> {
  const current = await profileRef(db, id)
  if (current.status !== 'submitted') throw new AppError('conflict', { messageKey: 'error.profile_not_submitted' })
  const now = new Date()
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('profiles')
      .set({
        status: decision === 'approve' ? 'published' : 'returned',
        review_comment: comment === undefined || comment === '' ? null : comment,
        reviewed_by: actorId,
        reviewed_at: now,
        published_at: decision === 'approve' ? now : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute()
    await audit(trx, actorId, decision === 'approve' ? 'profile.approve' : 'profile.return', 'profile', id, { comment })
  })
}

export async function closeProfile(db: Db, actorId: string, id: string, outcome: CloseOutcome): Promise<void> {
  const current = await profileRef(db, id)
  if (current.status === 'closed') throw new AppError('conflict', { messageKey: 'error.profile_closed' })
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('profiles').set({ status: 'closed', close_outcome: outcome, closed_at: new Date(), updated_at: new Date() }).where('id', '=', id).execute()
    await audit(trx, actorId, 'profile.close', 'profile', id, { outcome })
  })
}

/** Marks published profiles past their expiry date as expired; for the daily job. Returns how many. */
export async function expireDueProfiles(db: Db): Promise<number> {
  const rows = await db
    .updateTable('profiles')
    .set({ status: 'expired', updated_at: new Date() })
    .where('status', '=', 'published')
    .where('expires_on', '<', sql<string>`current_date`)
    .returning('id')
    .execute()
  return rows.length
}

export async function listOrganisationProfiles(db: Db, organisationIds: readonly string[]): Promise<ProfileSummary[]> {
  if (organisationIds.length === 0) return []
  return listSummaries(db, sql`p.organisation_id IN (${sql.join([...organisationIds])})`, sql`p.updated_at DESC, p.id`)
}

/** Profiles waiting for a decision in the given districts (every district for a platform admin), oldest first. */
export async function listReviewQueue(db: Db, clusterIds: readonly string[] | 'all'): Promise<ProfileSummary[]> {
  if (clusterIds !== 'all' && clusterIds.length === 0) return []
  const scope = clusterIds === 'all' ? sql`TRUE` : sql`p.cluster_id IN (${sql.join([...clusterIds])})`
  return listSummaries(db, sql`p.status = 'submitted' AND ${scope}`, sql`p.submitted_at, p.id`)
}

/** How many days before expiry the owners of a published profile are reminded. */
export const expiryReminderDays = 14

/**
 * For the daily job: an e-mail (through the outbox) to every user of the owning organisation, in their
 * language, for each published profile that expires within `expiryReminderDays`; once per profile.
 * Returns how many profiles were reminded.
 */
export async function remindExpiringProfiles(db: Db, publicUrl: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .updateTable('profiles')
      .set({ expiry_reminded_at: new Date() })
      .where('status', '=', 'published')
      .where('expiry_reminded_at', 'is', null)
      .where(sql<boolean>`expires_on BETWEEN current_date AND current_date + ${expiryReminderDays}::int`)
      .returning(['id', 'title', 'expires_on', 'organisation_id'])
      .execute()
    for (const profile of due) {
      const users = await trx
        .selectFrom('organisation_users')
        .innerJoin('users', 'users.id', 'organisation_users.user_id')
        .select(['users.email', 'users.full_name', 'users.locale'])
        .where('organisation_users.organisation_id', '=', profile.organisation_id)
        .execute()
      const link = `${publicUrl.replace(/\/$/, '')}/marketplace/profiles/${profile.id}`
      for (const user of users) {
        const date = formatDay(user.locale, profile.expires_on)
        await trx
          .insertInto('outbox')
          .values({
            to_email: user.email,
            subject: translate(user.locale, 'mail.profile_expiry.subject', { title: profile.title, date }),
            body: translate(user.locale, 'mail.profile_expiry.body', { name: user.full_name, title: profile.title, date, link }),
          })
          .execute()
      }
    }
    return due.length
  })
}

function formatDay(locale: Locale, isoDay: string): string {
  return new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDay}T00:00:00Z`))
}
