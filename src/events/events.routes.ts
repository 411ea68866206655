import type { FastifyInstance, FastifyReply } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { forbidden } from '../platform/errors.js'
import type { AppContext } from '../platform/http.js'
import { translate, type Locale } from '../platform/i18n.js'
import { requireSignedIn } from '../platform/policies.js'
import {
  clash,
  clashCheckBody,
  decisionBody,
  eventChanges,
  eventDetail,
  eventInput,
  eventListQuery,
  eventSummary,
  idParams,
  invitationAnswerBody,
  invitationBody,
  mineResponse,
  overlap,
  rangeQuery,
  registrationRow,
  registrationStatus,
} from './events.schema.js'
import { canCoordinate } from './events.policies.js'
import {
  accessEvent,
  answerCoorganisation,
  cancelRegistration,
  checkClashes,
  clockClusterId,
  createEvent,
  createFeedToken,
  decideRegistration,
  districtFeedRows,
  feedTokenStatus,
  getEvent,
  listEvents,
  listOverlaps,
  listRegistrations,
  myRegistrations,
  pendingInvitations,
  proposeCoorganisation,
  register,
  revokeFeedToken,
  singleEventRow,
  taxonomyFeedRows,
  updateEvent,
  userByFeedToken,
  userFeedRows,
  type FeedRow,
} from './events.service.js'
import { meetingFeedEvents } from './brokerage/meeting-feed.js'
import { userMeetingFeedRows } from './brokerage/schedule.service.js'
import { renderFeed, type FeedEvent } from './feed.js'

const tags = ['events']
const slugPattern = /^[a-z0-9-]{1,80}$/
const codePattern = /^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?$/

export function eventsRoutes(server: FastifyInstance, { db, config }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()

  const sendFeed = (reply: FastifyReply, locale: Locale, name: string, rows: FeedRow[], filename?: string, extra: FeedEvent[] = []): FastifyReply => {
    const text = renderFeed({
      name,
      publicUrl: config.publicUrl.replace(/\/$/, ''),
      events: rows.map((row) => ({
        id: row.id,
        title: locale === 'en' && row.title_en ? row.title_en : row.title_it,
        description: locale === 'en' && row.description_en ? row.description_en : row.description_it,
        startsAt: row.starts_at,
        endsAt: row.ends_at,
        location: row.venue_address ? [row.venue_name, row.venue_room, row.venue_address, row.city].filter(Boolean).join(', ') : null,
        virtualUrl: row.virtual_url,
        status: row.status,
        kindLabel: translate(locale, `events.kind.${row.kind}`),
        organisers: row.organiserNames.map((n) => (locale === 'en' ? n.en : n.it)),
        updatedAt: row.updated_at,
      })).concat(extra),
    })
    reply.header('Content-Type', 'text/calendar; charset=utf-8')
    reply.header('Cache-Control', 'private, max-age=300')
    if (filename) reply.header('Content-Disposition', `attachment; filename="${filename}"`)
    return reply.send(text)
  }
  const localeOf = (query: { lang?: 'it' | 'en' | undefined }, fallback: Locale): Locale => query.lang ?? fallback
  const feedQuery = z.object({ lang: z.enum(['it', 'en']).optional() }).strict()

  app.get(
    '/events',
    { schema: { tags, summary: 'The shared calendar: events of every district in a date range (Rome days)', querystring: eventListQuery, response: { 200: z.object({ items: z.array(eventSummary) }) } } },
    async (request) => ({ items: await listEvents(db, request.actor, request.query) }),
  )

  app.post(
    '/events/check',
    { schema: { tags, summary: 'Clash and overlap warning, before saving', body: clashCheckBody, response: { 200: z.object({ clashes: z.array(clash) }) } } },
    async (request) => {
      requireSignedIn(request.actor)
      return { clashes: await checkClashes(db, request.body) }
    },
  )

  app.get(
    '/events/overlaps',
    { schema: { tags, summary: 'Coordinators: every cross-district overlap in a date range', querystring: rangeQuery, response: { 200: z.object({ items: z.array(overlap) }) } } },
    async (request) => {
      requireSignedIn(request.actor)
      if (!canCoordinate(request.actor, await clockClusterId(db))) throw forbidden()
      return { items: await listOverlaps(db, request.query.from, request.query.to) }
    },
  )

  app.get(
    '/events/mine',
    {
      schema: {
        tags,
        summary: 'My registrations, my feed and the co-organisation proposals waiting for my districts',
        response: { 200: mineResponse },
      },
    },
    async (request) => {
      requireSignedIn(request.actor)
      const [registrations, feed, invitations, clockId] = await Promise.all([
        myRegistrations(db, request.actor.userId),
        feedTokenStatus(db, request.actor.userId),
        pendingInvitations(db, request.actor),
        clockClusterId(db),
      ])
      return { registrations, feed, invitations, canCoordinate: canCoordinate(request.actor, clockId) }
    },
  )

  app.post(
    '/events/feed-token',
    { schema: { tags, summary: 'A new secret URL for my personal feed (the previous one stops working)', response: { 201: z.object({ token: z.string(), url: z.string() }) } } },
    async (request, reply) => {
      requireSignedIn(request.actor)
      const token = await createFeedToken(db, request.actor.userId)
      return reply.status(201).send({ token, url: `${config.publicUrl.replace(/\/$/, '')}/api/events/feeds/user/${token}.ics` })
    },
  )

  app.delete('/events/feed-token', { schema: { tags, summary: 'Revoke my personal feed URL' } }, async (request, reply) => {
    requireSignedIn(request.actor)
    await revokeFeedToken(db, request.actor.userId)
    return reply.status(204).send()
  })

  app.get(
    '/events/feeds/district/:file',
    { schema: { tags, summary: 'iCalendar feed of a district (:slug.ics)', params: z.object({ file: z.string().regex(/^[a-z0-9-]{1,80}\.ics$/) }), querystring: feedQuery } },
    async (request, reply) => {
      const slug = request.params.file.replace(/\.ics$/, '')
      if (!slugPattern.test(slug)) throw forbidden()
      const locale = localeOf(request.query, request.locale)
      const { name, rows } = await districtFeedRows(db, slug)
      return sendFeed(reply, locale, translate(locale, 'events.feed.district', { name: locale === 'en' ? name.en : name.it }), rows)
    },
  )

  app.get(
    '/events/feeds/taxonomy/:file',
    { schema: { tags, summary: 'iCalendar feed of a taxonomy node and the nodes under it (:code.ics)', params: z.object({ file: z.string().regex(/^[A-Z0-9]{2,6}(\.[A-Z0-9]{2,6})?\.ics$/) }), querystring: feedQuery } },
    async (request, reply) => {
      const code = request.params.file.replace(/\.ics$/, '')
      if (!codePattern.test(code)) throw forbidden()
      const locale = localeOf(request.query, request.locale)
      const { name, rows } = await taxonomyFeedRows(db, code)
      return sendFeed(reply, locale, translate(locale, 'events.feed.taxonomy', { name: locale === 'en' ? name.en : name.it }), rows)
    },
  )

  app.get(
    '/events/feeds/user/:file',
    { schema: { tags, summary: 'iCalendar feed of my registrations, by its secret URL (:token.ics)', params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/) }), querystring: feedQuery } },
    async (request, reply) => {
      const userId = await userByFeedToken(db, request.params.file.replace(/\.ics$/, ''))
      const locale = localeOf(request.query, request.locale)
      const meetings = meetingFeedEvents(await userMeetingFeedRows(db, userId), locale, config.publicUrl.replace(/\/$/, ''))
      return sendFeed(reply, locale, translate(locale, 'events.feed.mine'), await userFeedRows(db, userId), undefined, meetings)
    },
  )

  app.get(
    '/events/:id',
    { schema: { tags, params: idParams, response: { 200: z.object({ event: eventDetail }) } } },
    async (request) => ({ event: await getEvent(db, request.actor, request.params.id) }),
  )

  app.get(
    '/events/:id/ics',
    { schema: { tags, summary: 'Add to calendar: one event as an .ics file', params: idParams, querystring: feedQuery } },
    async (request, reply) => {
      const row = await singleEventRow(db, request.actor, request.params.id)
      const locale = localeOf(request.query, request.locale)
      return sendFeed(reply, locale, translate(locale, 'events.feed.all'), [row], `clock-event-${row.id}.ics`)
    },
  )

  app.post(
    '/events',
    { schema: { tags, summary: 'Create an event for districts the actor manages', body: eventInput, response: { 201: z.object({ event: eventDetail }) } } },
    async (request, reply) => {
      requireSignedIn(request.actor)
      const id = await createEvent(db, request.actor, request.body)
      return reply.status(201).send({ event: await getEvent(db, request.actor, id) })
    },
  )

  app.patch(
    '/events/:id',
    { schema: { tags, summary: 'Edit, move, publish or cancel an event', params: idParams, body: eventChanges, response: { 200: z.object({ event: eventDetail }) } } },
    async (request) => {
      requireSignedIn(request.actor)
      await updateEvent(db, request.actor, request.params.id, request.body)
      return { event: await getEvent(db, request.actor, request.params.id) }
    },
  )

  app.post(
    '/events/:id/registration',
    { schema: { tags, summary: 'Register for the event', params: idParams, response: { 200: z.object({ registration: z.object({ id: z.string(), status: registrationStatus }) }) } } },
    async (request) => {
      requireSignedIn(request.actor)
      return { registration: await register(db, request.actor, request.params.id) }
    },
  )

  app.delete('/events/:id/registration', { schema: { tags, summary: 'Cancel my registration', params: idParams } }, async (request, reply) => {
    requireSignedIn(request.actor)
    await cancelRegistration(db, request.actor, request.params.id)
    return reply.status(204).send()
  })

  app.get(
    '/events/:id/registrations',
    { schema: { tags, summary: 'Organisers: the registrations', params: idParams, response: { 200: z.object({ items: z.array(registrationRow) }) } } },
    async (request) => {
      requireSignedIn(request.actor)
      const { canManage } = await accessEvent(db, request.actor, request.params.id)
      if (!canManage) throw forbidden()
      return { items: await listRegistrations(db, request.params.id) }
    },
  )

  app.post(
    '/events/:id/registrations/:registrationId/decision',
    {
      schema: {
        tags,
        summary: 'Organisers: approve or decline a registration',
        params: idParams.extend({ registrationId: z.uuid() }),
        body: decisionBody,
        response: { 200: z.object({ status: registrationStatus }) },
      },
    },
    async (request) => {
      requireSignedIn(request.actor)
      const { canManage } = await accessEvent(db, request.actor, request.params.id)
      if (!canManage) throw forbidden()
      return { status: await decideRegistration(db, request.actor, request.params.id, request.params.registrationId, request.body.decision) }
    },
  )

  app.post(
    '/events/:id/coorganisers',
    { schema: { tags, summary: 'Propose co-organisation to another district', params: idParams, body: invitationBody } },
    async (request, reply) => {
      requireSignedIn(request.actor)
      await proposeCoorganisation(db, request.actor, request.params.id, request.body.districtSlug, request.body.message)
      return reply.status(204).send()
    },
  )

  app.post(
    '/events/:id/coorganisers/:slug/answer',
    { schema: { tags, summary: "The invited district's managers accept or decline", params: idParams.extend({ slug: z.string().regex(slugPattern) }), body: invitationAnswerBody } },
    async (request, reply) => {
      requireSignedIn(request.actor)
      await answerCoorganisation(db, request.actor, request.params.id, request.params.slug, request.body.accept)
      return reply.status(204).send()
    },
  )
}
