import { audit } from '../../platform/audit.js'
import type { Db } from '../../platform/db.js'
import { translate, type Locale } from '../../platform/i18n.js'
import type { Actor } from '../../platform/policies.js'
import type { TableRef } from '../scheduler/index.js'
import { agendaPdf } from './agenda-pdf.js'
import { accessBrokerage, requireManager } from './brokerage.service.js'
import { tableCsv, tableWorkbook, type Table } from './exports.js'
import { participantViews } from './participants.service.js'
import { myAgenda } from './schedule.service.js'
import { brokerageStats, furthestFollowUp, furthestLaterFollowUp, heldState, type Stats } from './stats.js'

// What the organiser takes away: statistics, exports, printed agendas, reminders.

const timeFormat = (locale: Locale, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale === 'it' ? 'it-IT' : 'en-GB', { timeZone: 'Europe/Rome', ...options })

export function tableLabel(locale: Locale, table: TableRef): string {
  return typeof table === 'number'
    ? translate(locale, 'brokerage.table', { number: String(table + 1) })
    : translate(locale, 'brokerage.virtualRoom', { number: String(Number(table.slice('virtual:'.length)) + 1) })
}

async function meetingRows(db: Db, eventId: string) {
  return db
    .selectFrom('brokerage_meetings')
    .selectAll()
    .where('event_id', '=', eventId)
    .where('status', '=', 'scheduled')
    .orderBy('starts_at')
    .orderBy('table_number')
    .orderBy('virtual_room')
    .execute()
}

export async function statsFor(db: Db, actor: Actor, eventId: string): Promise<Stats> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const [participants, requests, meetings] = await Promise.all([
    participantViews(db, eventId, null, { statuses: ['pending', 'confirmed', 'declined', 'cancelled'], withEmail: false }),
    db.selectFrom('brokerage_requests').select(['status', 'from_participant', 'to_participant']).where('event_id', '=', eventId).execute(),
    meetingRows(db, eventId),
  ])
  return brokerageStats(
    participants.map((p) => ({ id: p.id, status: p.status, role: p.role, districts: p.districts.map((d) => d.shortName), checkedIn: p.checkedIn })),
    requests.map((r) => ({ status: r.status, from: r.from_participant, to: r.to_participant })),
    meetings.map((m) => ({
      a: m.participant_a,
      b: m.participant_b,
      published: m.published,
      aHeld: m.a_held,
      bHeld: m.b_held,
      aFollowUp: m.a_follow_up,
      bFollowUp: m.b_follow_up,
      aLaterAsked: m.a_later_asked_at !== null,
      bLaterAsked: m.b_later_asked_at !== null,
      aLaterFollowUp: m.a_later_follow_up,
      bLaterFollowUp: m.b_later_follow_up,
    })),
  )
}

export type ExportKind = 'participants' | 'meetings'

async function exportTable(db: Db, eventId: string, kind: ExportKind, locale: Locale): Promise<Table> {
  const en = locale === 'en'
  const people = await participantViews(db, eventId, null, { statuses: ['pending', 'confirmed', 'declined', 'cancelled'], withEmail: true })
  if (kind === 'participants') {
    return {
      name: en ? 'Participants' : 'Partecipanti',
      header: en
        ? ['Name', 'E-mail', 'Organisation', 'Districts', 'Role', 'Status', 'Checked in', 'Offer', 'Request', 'Topics']
        : ['Nome', 'E-mail', 'Organizzazione', 'Distretti', 'Ruolo', 'Stato', 'Presente', 'Offerta', 'Richiesta', 'Temi'],
      rows: people.map((p) => [p.fullName, p.email ?? '', p.organisation?.name ?? '', p.districts.map((d) => d.shortName).join(', '), p.role, p.status, p.checkedIn ? 1 : 0, p.offer, p.request, p.taxonomyCodes.join(' ')]),
    }
  }
  const byId = new Map(people.map((p) => [p.id, p]))
  const when = timeFormat(locale, { dateStyle: 'short', timeStyle: 'short' })
  return {
    name: en ? 'Meetings' : 'Incontri',
    header: en
      ? ['Start (Rome)', 'Table', 'Participant A', 'Organisation A', 'Participant B', 'Organisation B', 'Published', 'Held', 'Follow-up', 'Follow-up A', 'Follow-up B', 'After six months', 'After six months A', 'After six months B']
      : ['Inizio (Roma)', 'Tavolo', 'Partecipante A', 'Organizzazione A', 'Partecipante B', 'Organizzazione B', 'Pubblicato', 'Svolto', 'Seguito', 'Seguito A', 'Seguito B', 'Dopo sei mesi', 'Dopo sei mesi A', 'Dopo sei mesi B'],
    rows: (await meetingRows(db, eventId)).map((m) => {
      const a = byId.get(m.participant_a)
      const b = byId.get(m.participant_b)
      const table: TableRef = m.table_number !== null ? m.table_number : `virtual:${m.virtual_room ?? 0}`
      return [
        when.format(m.starts_at),
        tableLabel(locale, table),
        a?.fullName ?? '',
        a?.organisation?.name ?? '',
        b?.fullName ?? '',
        b?.organisation?.name ?? '',
        m.published ? 1 : 0,
        heldState({ aHeld: m.a_held, bHeld: m.b_held }),
        furthestFollowUp({ aFollowUp: m.a_follow_up, bFollowUp: m.b_follow_up }) ?? '',
        m.a_follow_up ?? '',
        m.b_follow_up ?? '',
        furthestLaterFollowUp({ aLaterFollowUp: m.a_later_follow_up, bLaterFollowUp: m.b_later_follow_up }) ?? '',
        // Asked but not (yet) answered reads "asked", so the organiser sees who owes an answer.
        m.a_later_follow_up ?? (m.a_later_asked_at ? 'asked' : ''),
        m.b_later_follow_up ?? (m.b_later_asked_at ? 'asked' : ''),
      ]
    }),
  }
}

export async function exportFile(db: Db, actor: Actor, eventId: string, kind: ExportKind, format: 'csv' | 'xlsx', locale: Locale): Promise<string | Buffer> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const table = await exportTable(db, eventId, kind, locale)
  return format === 'csv' ? tableCsv(table) : tableWorkbook(table)
}

export async function agendaPdfFor(db: Db, actor: Actor, eventId: string, locale: Locale, participantId?: string): Promise<Buffer> {
  const agenda = await myAgenda(db, actor, eventId, participantId)
  const { event } = await accessBrokerage(db, actor, eventId)
  const person = await db.selectFrom('brokerage_participants as p').innerJoin('users as u', 'u.id', 'p.user_id').select('u.full_name').where('p.id', '=', agenda.participantId).executeTakeFirstOrThrow()
  const day = timeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short' })
  const hour = timeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  return agendaPdf({
    title: translate(locale, 'brokerage.pdf.title'),
    eventTitle: locale === 'en' && event.title_en ? event.title_en : event.title_it,
    participant: person.full_name,
    note: translate(locale, agenda.agendaStatus === 'final' ? 'brokerage.pdf.final' : 'brokerage.pdf.preliminary'),
    empty: translate(locale, 'brokerage.pdf.none'),
    rows: agenda.items.map((item) => ({
      when: `${day.format(new Date(item.startsAt))} ${hour.format(new Date(item.startsAt))}–${hour.format(new Date(item.endsAt))}`,
      place: tableLabel(locale, item.table as TableRef),
      withWhom: `${translate(locale, 'brokerage.pdf.with')} ${item.with.fullName}${item.with.organisation ? ` (${item.with.organisation})` : ''}`,
      about: [item.with.offer, item.with.request].filter(Boolean).join(' · '),
    })),
    footer: `CLOCK · ${timeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(new Date())}`,
  })
}

/** Queues one e-mail, in their language, to each confirmed participant with no accepted request; at most once a day each. */
export async function remindParticipantsWithoutMeetings(db: Db, actor: Actor, eventId: string, publicUrl: string): Promise<number> {
  const access = await accessBrokerage(db, actor, eventId)
  requireManager(actor, access)
  const dayAgo = new Date(Date.now() - 86_400_000)
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('brokerage_participants as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['p.id', 'u.email', 'u.full_name', 'u.locale'])
      .where('p.event_id', '=', eventId)
      .where('p.status', '=', 'confirmed')
      .where((eb) => eb.or([eb('p.reminded_at', 'is', null), eb('p.reminded_at', '<', dayAgo)]))
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('brokerage_requests as r')
              .select('r.id')
              .where('r.status', '=', 'accepted')
              .where((inner) => inner.or([inner('r.from_participant', '=', inner.ref('p.id')), inner('r.to_participant', '=', inner.ref('p.id'))])),
          ),
        ),
      )
      .orderBy('p.id')
      .forUpdate()
      .execute()
    const link = `${publicUrl.replace(/\/$/, '')}/events/${eventId}/brokerage`
    for (const person of due) {
      const locale = person.locale
      const eventTitle = locale === 'en' && access.event.title_en ? access.event.title_en : access.event.title_it
      const closes = timeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(access.brokerage.booking_closes_at)
      await trx
        .insertInto('outbox')
        .values({
          to_email: person.email,
          subject: translate(locale, 'mail.brokerage_reminder.subject', { event: eventTitle }),
          body: translate(locale, 'mail.brokerage_reminder.body', { name: person.full_name, event: eventTitle, closes, link }),
        })
        .execute()
    }
    if (due.length > 0) await trx.updateTable('brokerage_participants').set({ reminded_at: new Date() }).where('id', 'in', due.map((p) => p.id)).execute()
    await audit(trx, actor.userId, 'brokerage.remind', 'event', eventId, { count: due.length })
    return due.length
  })
}
