import { sql } from 'kysely'
import { audit } from '../platform/audit.js'
import type { Db } from '../platform/db.js'
import type { OrganisationsTable } from '../platform/database.js'
import { AppError, invalidField, notFound } from '../platform/errors.js'
import { formatEuros, translate, type Locale } from '../platform/i18n.js'
import { assertKnownTaxonomyCodes } from '../taxonomy/taxonomy.service.js'
import { findProvince } from './geo.service.js'
import type { OrganisationChanges, OrganisationCreate } from './organisations.schema.js'
import { sizeClassOf } from './size-class.js'
import { classifySme, smeAmountParams, type SmeClassification } from './sme.js'
import { checkItalianFiscalCode, checkItalianVatNumber } from './vat.js'

type Row = OrganisationsTable
type Contact = { id: string; fullName: string; roleTitle: string | null; email: string | null; phone: string | null }

export type OrganisationDetail = {
  id: string
  legalName: string
  shortName: string | null
  type: Row['type']
  headcount: number | null
  turnoverCents: number | null
  balanceSheetCents: number | null
  sizeClass: Row['size_class']
  sme: { size: Row['size_class']; reasons: string[] }
  vatNumber: string | null
  fiscalCode: string | null
  country: string
  street: string | null
  postcode: string | null
  city: string | null
  provinceCode: string | null
  nuts2: string | null
  nuts3: string | null
  website: string | null
  descriptionIt: string
  descriptionEn: string
  keywords: string[]
  competences: string[]
  foundedYear: number | null
  contacts: Contact[]
  memberships: {
    id: string
    clusterSlug: string
    clusterNameIt: string
    clusterNameEn: string
    associated: boolean
    since: string
    until: string | null
  }[]
  source: string
  updatedAt: string
}

export function describeSme(locale: Locale, classification: SmeClassification): string[] {
  return classification.reasons.map(({ key, params }) => {
    const amountKeys = smeAmountParams[key] ?? []
    const shown: Record<string, string | number> = {}
    for (const [name, value] of Object.entries(params)) {
      if (amountKeys.includes(name) && typeof value === 'number') shown[name] = formatEuros(locale, value)
      else if (name === 'class' && typeof value === 'string') shown[name] = translate(locale, `sme.size.${value}`)
      else shown[name] = value
    }
    return translate(locale, key, shown)
  })
}

export async function getOrganisation(
  db: Db,
  id: string,
  options: { locale: Locale; withContacts: boolean },
): Promise<OrganisationDetail> {
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('entity.organisation')
  const [competences, contacts, memberships] = await Promise.all([
    db
      .selectFrom('organisation_competences')
      .innerJoin('taxonomy_nodes', 'taxonomy_nodes.code', 'organisation_competences.taxonomy_code')
      .select('taxonomy_code')
      .where('organisation_id', '=', id)
      .orderBy('taxonomy_nodes.position')
      .execute(),
    options.withContacts
      ? db.selectFrom('organisation_contacts').selectAll().where('organisation_id', '=', id).orderBy('position').execute()
      : Promise.resolve([]),
    db
      .selectFrom('memberships')
      .innerJoin('clusters', 'clusters.id', 'memberships.cluster_id')
      .select(['memberships.id', 'clusters.slug', 'clusters.name_it', 'clusters.name_en', 'memberships.associated', 'memberships.since', 'memberships.until'])
      .where('memberships.organisation_id', '=', id)
      .orderBy('memberships.since', 'desc')
      .execute(),
  ])
  const sme = classifySme({ headcount: row.headcount, turnoverCents: row.turnover_cents, balanceSheetCents: row.balance_sheet_cents })
  return {
    id: row.id,
    legalName: row.legal_name,
    shortName: row.short_name,
    type: row.type,
    headcount: row.headcount,
    turnoverCents: row.turnover_cents === null ? null : Number(row.turnover_cents),
    balanceSheetCents: row.balance_sheet_cents === null ? null : Number(row.balance_sheet_cents),
    sizeClass: row.size_class,
    sme: { size: sme.size, reasons: describeSme(options.locale, sme) },
    vatNumber: row.vat_number,
    fiscalCode: row.fiscal_code,
    country: row.country,
    street: row.street,
    postcode: row.postcode,
    city: row.city,
    provinceCode: row.province_code,
    nuts2: row.nuts2,
    nuts3: row.nuts3,
    website: row.website,
    descriptionIt: row.description_it,
    descriptionEn: row.description_en,
    keywords: row.keywords,
    competences: competences.map((competence) => competence.taxonomy_code),
    foundedYear: row.founded_year,
    contacts: contacts.map((contact) => ({
      id: contact.id,
      fullName: contact.full_name,
      roleTitle: contact.role_title,
      email: contact.email,
      phone: contact.phone,
    })),
    memberships: memberships.map((membership) => ({
      id: membership.id,
      clusterSlug: membership.slug,
      clusterNameIt: membership.name_it,
      clusterNameEn: membership.name_en,
      associated: membership.associated,
      since: membership.since,
      until: membership.until,
    })),
    source: row.source,
    updatedAt: row.updated_at.toISOString(),
  }
}

export async function createOrganisation(db: Db, actorId: string, input: OrganisationCreate): Promise<string> {
  const values = await toColumns(db, input, { country: input.country, headcount: null, turnoverCents: null, balanceSheetCents: null, type: input.type })
  return db.transaction().execute(async (trx) => {
    await assertVatFree(trx, values.country ?? 'IT', values.vat_number ?? null, null)
    const row = await trx
      .insertInto('organisations')
      .values({ ...values, legal_name: input.legalName, type: input.type })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceChildren(trx, row.id, input)
    await trx.insertInto('organisation_users').values({ organisation_id: row.id, user_id: actorId, role: 'admin' }).execute()
    await audit(trx, actorId, 'organisation.create', 'organisation', row.id)
    return row.id
  })
}

export async function updateOrganisation(db: Db, actorId: string, id: string, changes: OrganisationChanges): Promise<void> {
  const current = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current) throw notFound('entity.organisation')
  const values = await toColumns(db, changes, {
    country: current.country,
    headcount: current.headcount,
    turnoverCents: current.turnover_cents,
    balanceSheetCents: current.balance_sheet_cents,
    type: current.type,
  })
  await db.transaction().execute(async (trx) => {
    if (changes.vatNumber !== undefined || changes.country !== undefined) {
      const vat = changes.vatNumber === undefined ? current.vat_number : values.vat_number ?? null
      await assertVatFree(trx, values.country ?? current.country, vat, id)
    }
    await trx.updateTable('organisations').set({ ...values, updated_at: new Date() }).where('id', '=', id).execute()
    await replaceChildren(trx, id, changes)
    await audit(trx, actorId, 'organisation.update', 'organisation', id, { fields: Object.keys(changes) })
  })
}

type Known = {
  country: string
  headcount: number | null
  turnoverCents: number | null
  balanceSheetCents: number | null
  type: Row['type']
}
type Columns = Partial<{
  legal_name: string
  short_name: string | null
  type: Row['type']
  headcount: number | null
  turnover_cents: number | null
  balance_sheet_cents: number | null
  size_class: Row['size_class']
  vat_number: string | null
  fiscal_code: string | null
  country: string
  street: string | null
  postcode: string | null
  city: string | null
  province_code: string | null
  nuts2: string | null
  nuts3: string | null
  website: string | null
  description_it: string
  description_en: string
  keywords: string[]
  founded_year: number | null
}>

/** Validates what depends on other data (identifiers, province, taxonomy) and maps the fields to columns. */
async function toColumns(db: Db, input: OrganisationChanges, known: Known): Promise<Columns> {
  const columns: Columns = {}
  const country = input.country ?? known.country
  const set = <K extends keyof Columns>(key: K, value: Columns[K] | undefined): void => {
    if (value !== undefined) columns[key] = value
  }
  set('legal_name', input.legalName)
  set('short_name', input.shortName)
  set('type', input.type)
  set('country', input.country)
  set('street', input.street)
  set('postcode', input.postcode)
  set('city', input.city)
  set('website', input.website)
  set('description_it', input.descriptionIt)
  set('description_en', input.descriptionEn)
  set('founded_year', input.foundedYear)
  if (input.keywords) set('keywords', [...new Set(input.keywords)])
  if (input.vatNumber !== undefined) set('vat_number', normaliseVat(input.vatNumber, country))
  if (input.fiscalCode !== undefined) set('fiscal_code', normaliseFiscalCode(input.fiscalCode, country))
  if (input.provinceCode !== undefined) {
    if (input.provinceCode === null) Object.assign(columns, { province_code: null, nuts2: null, nuts3: null })
    else {
      const province = await findProvince(db, input.provinceCode)
      if (!province) throw invalidField('provinceCode', 'validation.unknown_province', { code: input.provinceCode })
      if (country !== 'IT') throw invalidField('provinceCode', 'validation.province_outside_italy')
      Object.assign(columns, { province_code: input.provinceCode, nuts2: province.regionNuts2, nuts3: province.nuts3 })
    }
  }
  if (input.competences) await assertKnownTaxonomyCodes(db, input.competences, 'competences')
  if (input.headcount !== undefined || input.turnoverCents !== undefined || input.balanceSheetCents !== undefined || input.type !== undefined) {
    const figures = {
      headcount: input.headcount === undefined ? known.headcount : input.headcount,
      turnoverCents: input.turnoverCents === undefined ? known.turnoverCents : input.turnoverCents,
      balanceSheetCents: input.balanceSheetCents === undefined ? known.balanceSheetCents : input.balanceSheetCents,
    }
    set('headcount', input.headcount)
    set('turnover_cents', input.turnoverCents)
    set('balance_sheet_cents', input.balanceSheetCents)
    columns.size_class = sizeClassOf(input.type ?? known.type, figures)
  }
  return columns
}

function normaliseVat(value: string | null, country: string): string | null {
  if (value === null || value === '') return null
  if (country === 'IT') {
    const check = checkItalianVatNumber(value)
    if (!check.valid) throw invalidField('vatNumber', 'validation.invalid_vat')
    return check.normalized
  }
  const compact = value.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z0-9]{4,15}$/.test(compact)) throw invalidField('vatNumber', 'validation.invalid_foreign_vat')
  return compact
}

function normaliseFiscalCode(value: string | null, country: string): string | null {
  if (value === null || value === '') return null
  if (country !== 'IT') throw invalidField('fiscalCode', 'validation.fiscal_code_outside_italy')
  const check = checkItalianFiscalCode(value)
  if (!check.valid) throw invalidField('fiscalCode', 'validation.invalid_fiscal_code')
  return check.normalized
}

async function assertVatFree(db: Db, country: string, vat: string | null, exceptId: string | null): Promise<void> {
  if (!vat) return
  let query = db.selectFrom('organisations').select('id').where('country', '=', country).where('vat_number', '=', vat)
  if (exceptId) query = query.where('id', '!=', exceptId)
  if (await query.executeTakeFirst()) throw new AppError('vat_taken', { field: 'vatNumber' })
}

async function replaceChildren(db: Db, id: string, input: OrganisationChanges): Promise<void> {
  if (input.competences) {
    await db.deleteFrom('organisation_competences').where('organisation_id', '=', id).execute()
    const codes = [...new Set(input.competences)]
    if (codes.length > 0) {
      await db.insertInto('organisation_competences').values(codes.map((code) => ({ organisation_id: id, taxonomy_code: code }))).execute()
    }
  }
  if (input.contacts) {
    await db.deleteFrom('organisation_contacts').where('organisation_id', '=', id).execute()
    if (input.contacts.length > 0) {
      await db
        .insertInto('organisation_contacts')
        .values(
          input.contacts.map((contact, position) => ({
            organisation_id: id,
            full_name: contact.fullName,
            role_title: contact.roleTitle ?? null,
            email: contact.email ?? null,
            phone: contact.phone ?? null,
            position,
          })),
        )
        .execute()
    }
  }
}

export type OrganisationUser = { userId: string; email: string; fullName: string; role: 'member' | 'admin' }

export async function listOrganisationUsers(db: Db, organisationId: string): Promise<OrganisationUser[]> {
  const rows = await db
    .selectFrom('organisation_users')
    .innerJoin('users', 'users.id', 'organisation_users.user_id')
    .select(['users.id', 'users.email', 'users.full_name', 'organisation_users.role'])
    .where('organisation_users.organisation_id', '=', organisationId)
    .orderBy('users.full_name')
    .execute()
  return rows.map((row) => ({ userId: row.id, email: row.email, fullName: row.full_name, role: row.role }))
}

export async function addOrganisationUser(
  db: Db,
  actorId: string,
  organisationId: string,
  input: { email: string; role: 'member' | 'admin' },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where(sql<string>`lower(email)`, '=', input.email).executeTakeFirst()
    if (!user) throw invalidField('email', 'validation.unknown_user')
    await trx
      .insertInto('organisation_users')
      .values({ organisation_id: organisationId, user_id: user.id, role: input.role })
      .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doUpdateSet({ role: input.role }))
      .execute()
    await audit(trx, actorId, 'organisation.user.add', 'organisation', organisationId, input)
  })
}

export async function removeOrganisationUser(db: Db, actorId: string, organisationId: string, userId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const admins = await trx
      .selectFrom('organisation_users')
      .select('user_id')
      .where('organisation_id', '=', organisationId)
      .where('role', '=', 'admin')
      .execute()
    if (admins.length === 1 && admins[0]?.user_id === userId) throw new AppError('conflict', { messageKey: 'error.last_admin' })
    await trx.deleteFrom('organisation_users').where('organisation_id', '=', organisationId).where('user_id', '=', userId).execute()
    await audit(trx, actorId, 'organisation.user.remove', 'organisation', organisationId, { userId })
  })
}

export async function assertOrganisationExists(db: Db, id: string): Promise<void> {
  const row = await db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('entity.organisation')
}
