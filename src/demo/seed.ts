import { hashPassword } from '../accounts/password.js'
import { seedDemoCalls, seedDemoClosedCall } from '../calls/calls.demo.js'
import { seedDemoBrokerage } from '../events/brokerage/brokerage.demo.js'
import { seedDemoEvents } from '../events/events.demo.js'
import { seedDemoMarketplace } from '../matchmaking/matchmaking.demo.js'
import { seedDemoOpportunities } from '../opportunities/opportunities.demo.js'
import type { Db } from '../platform/db.js'
import type { PlatformRole } from '../platform/database.js'
import { generateOrganisations, type DemoOrganisation } from './generate.js'

export const demoPassword = 'clock-demo-2026'
export const demoOrganisationCount = 400

type DemoAccount = {
  email: string
  fullName: string
  roles: PlatformRole[]
  managedClusters?: string[]
  organisationRole?: 'admin' | 'member'
}

// One account per role (evaluators: four); the README lists them.
export const demoAccounts: readonly DemoAccount[] = [
  { email: 'admin@clock.demo', fullName: 'Paola Amministratrice', roles: ['platform_admin'] },
  { email: 'officer@clock.demo', fullName: 'Roberto Funzionario', roles: ['ma_officer'] },
  { email: 'manager.materials@clock.demo', fullName: 'Lucia Gestore', roles: [], managedClusters: ['tuscany-advanced-materials'] },
  { email: 'manager.clock@clock.demo', fullName: 'Carlo Coordinatore', roles: [], managedClusters: ['clock'] },
  { email: 'evaluator@clock.demo', fullName: 'Anna Valutatrice', roles: ['evaluator'] },
  // Three more evaluators, so that the closed demo call has panels of three.
  { email: 'evaluator2@clock.demo', fullName: 'Bruno Valutatore', roles: ['evaluator'] },
  { email: 'evaluator3@clock.demo', fullName: 'Chiara Valutatrice', roles: ['evaluator'] },
  { email: 'evaluator4@clock.demo', fullName: 'Davide Valutatore', roles: ['evaluator'] },
  { email: 'orgadmin@clock.demo', fullName: 'Marco Imprenditore', roles: [], organisationRole: 'admin' },
  { email: 'member@clock.demo', fullName: 'Sara Ricercatrice', roles: [], organisationRole: 'member' },
]

/** Loads the demo into an empty database only; a database with any organisation or user is left alone. */
export async function seedIfEmpty(db: Db): Promise<boolean> {
  const [organisations, users] = await Promise.all([
    db.selectFrom('organisations').select('id').limit(1).execute(),
    db.selectFrom('users').select('id').limit(1).execute(),
  ])
  if (organisations.length > 0 || users.length > 0) return false
  await db.transaction().execute(async (trx) => {
    const ids = await insertOrganisations(trx, generateOrganisations(demoOrganisationCount), 'demo')
    await insertDemoAccounts(trx, ids[0] as string)
  })
  // Each domain's demo opens its own transactions, so it runs after the registry's has committed.
  await seedDemoCalls(db)
  await seedDemoClosedCall(db)
  await seedDemoEvents(db)
  await seedDemoBrokerage(db)
  await seedDemoMarketplace(db)
  await seedDemoOpportunities(db)
  return true
}

/** Bulk insert of generated organisations with their competences, contacts and memberships; returns their ids. */
export async function insertOrganisations(db: Db, organisations: readonly DemoOrganisation[], source: string): Promise<string[]> {
  const clusterIds = new Map((await db.selectFrom('clusters').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]))
  const ids: string[] = []
  const chunk = 500
  for (let start = 0; start < organisations.length; start += chunk) {
    const batch = organisations.slice(start, start + chunk)
    const rows = await db
      .insertInto('organisations')
      .values(
        batch.map((org, offset) => ({
          legal_name: org.legalName,
          short_name: org.shortName,
          type: org.type,
          headcount: org.headcount,
          turnover_cents: org.turnoverCents,
          balance_sheet_cents: org.balanceSheetCents,
          size_class: org.sizeClass,
          vat_number: org.vatNumber,
          country: org.country,
          street: org.street,
          postcode: org.postcode,
          city: org.city,
          province_code: org.provinceCode,
          nuts2: org.nuts2,
          nuts3: org.nuts3,
          website: org.website,
          description_it: org.descriptionIt,
          description_en: org.descriptionEn,
          keywords: org.keywords,
          founded_year: org.foundedYear,
          source,
          source_id: String(start + offset + 1),
        })),
      )
      .returning('id')
      .execute()
    const batchIds = rows.map((row) => row.id)
    ids.push(...batchIds)
    const competences = batch.flatMap((org, i) => org.competences.map((code) => ({ organisation_id: batchIds[i] as string, taxonomy_code: code })))
    const contacts = batch.flatMap((org, i) =>
      org.contacts.map((contact, position) => ({
        organisation_id: batchIds[i] as string,
        full_name: contact.fullName,
        role_title: contact.roleTitle,
        email: contact.email,
        phone: contact.phone,
        position,
      })),
    )
    const memberships = batch.flatMap((org, i) =>
      org.memberships.map((membership) => ({
        organisation_id: batchIds[i] as string,
        cluster_id: clusterIds.get(membership.clusterSlug) as string,
        associated: membership.associated,
        since: membership.since,
        until: membership.until,
      })),
    )
    if (competences.length > 0) await db.insertInto('organisation_competences').values(competences).execute()
    if (contacts.length > 0) await db.insertInto('organisation_contacts').values(contacts).execute()
    if (memberships.length > 0) await db.insertInto('memberships').values(memberships).execute()
  }
  return ids
}

async function insertDemoAccounts(db: Db, demoOrganisationId: string): Promise<void> {
  const passwordHash = await hashPassword(demoPassword)
  const clusterIds = new Map((await db.selectFrom('clusters').select(['id', 'slug']).execute()).map((row) => [row.slug, row.id]))
  for (const account of demoAccounts) {
    const user = await db
      .insertInto('users')
      .values({ email: account.email, password_hash: passwordHash, full_name: account.fullName, locale: 'it' })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (account.roles.length > 0) {
      await db.insertInto('user_roles').values(account.roles.map((role) => ({ user_id: user.id, role }))).execute()
    }
    for (const slug of account.managedClusters ?? []) {
      await db.insertInto('district_managers').values({ user_id: user.id, cluster_id: clusterIds.get(slug) as string }).execute()
    }
    if (account.organisationRole) {
      await db
        .insertInto('organisation_users')
        .values({ user_id: user.id, organisation_id: demoOrganisationId, role: account.organisationRole })
        .execute()
    }
  }
}
