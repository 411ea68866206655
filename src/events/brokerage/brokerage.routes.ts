import type { FastifyInstance } from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../../platform/http.js'
import { uuid } from '../../platform/validation.js'
import {
  agendaView,
  answerInput,
  brokerageConfigInput,
  brokerageView,
  checkInInput,
  eventParams,
  followUpInput,
  laterFollowUpInput,
  meetingRequestInput,
  moveInput,
  participantChanges,
  participantDecision,
  participantQuery,
  participantStatus,
  participantView,
  publishInput,
  registrationInput,
  requestStatus,
  requestView,
  scheduleView,
  statsView,
  suggestionView,
  tableRef,
} from './brokerage.schema.js'
import { configureBrokerage, getBrokerage } from './brokerage.service.js'
import { recordLaterFollowUp } from './later-follow-up.service.js'
import { cancelParticipation, checkIn, decideParticipant, listParticipants, registerParticipant, suggestionsFor, updateParticipant } from './participants.service.js'
import { agendaPdfFor, exportFile, remindParticipantsWithoutMeetings, statsFor } from './reports.service.js'
import { answerRequest, cancelRequest, myRequests, sendRequest } from './requests.service.js'
import { getSchedule, meetingMoveOptions, moveMeeting, myAgenda, publishAgenda, recordFollowUp, runScheduler } from './schedule.service.js'

const tags = ['brokerage']
const base = '/events/:id/brokerage'

export function brokerageRoutes(server: FastifyInstance, { db, config }: AppContext): void {
  const app = server.withTypeProvider<ZodTypeProvider>()
  const withBrokerage = { 200: z.object({ brokerage: brokerageView }) }

  app.get(base, { schema: { tags, summary: 'The brokerage of a matchmaking event, its slots and my participation', params: eventParams, response: withBrokerage } }, async (request) => ({
    brokerage: await getBrokerage(db, request.actor, request.params.id),
  }))

  app.put(base, { schema: { tags, summary: 'Organisers: create or replace the configuration', params: eventParams, body: brokerageConfigInput, response: withBrokerage } }, async (request) => {
    await configureBrokerage(db, request.actor, request.params.id, request.body)
    return { brokerage: await getBrokerage(db, request.actor, request.params.id) }
  })

  // Participation -----------------------------------------------------------------------------------

  app.post(`${base}/participants`, { schema: { tags, summary: 'Register for the meetings', params: eventParams, body: registrationInput, response: { 201: z.object({ status: participantStatus }) } } }, async (request, reply) => {
    const status = await registerParticipant(db, request.actor, request.params.id, request.body)
    return reply.status(201).send({ status })
  })

  app.patch(`${base}/participants/me`, { schema: { tags, summary: 'My event profile and availability', params: eventParams, body: participantChanges, response: withBrokerage } }, async (request) => {
    await updateParticipant(db, request.actor, request.params.id, request.body)
    return { brokerage: await getBrokerage(db, request.actor, request.params.id) }
  })

  app.delete(`${base}/participants/me`, { schema: { tags, summary: 'Cancel my participation (requests and meetings too)', params: eventParams } }, async (request, reply) => {
    await cancelParticipation(db, request.actor, request.params.id)
    return reply.status(204).send()
  })

  app.get(`${base}/participants`, { schema: { tags, summary: 'Participants, filtered (confirmed participants and organisers)', params: eventParams, querystring: participantQuery, response: { 200: z.object({ items: z.array(participantView) }) } } }, async (request) => ({
    items: await listParticipants(db, request.actor, request.params.id, request.query),
  }))

  app.get(`${base}/suggestions`, { schema: { tags, summary: 'People I could meet, with the reasons', params: eventParams, response: { 200: z.object({ items: z.array(suggestionView) }) } } }, async (request) => ({
    items: await suggestionsFor(db, request.actor, request.params.id),
  }))

  const participantParams = eventParams.extend({ participantId: uuid })
  app.post(`${base}/participants/:participantId/decision`, { schema: { tags, summary: 'Organisers: approve or decline a participant', params: participantParams, body: participantDecision, response: { 200: z.object({ status: participantStatus }) } } }, async (request) => ({
    status: await decideParticipant(db, request.actor, request.params.id, request.params.participantId, request.body.decision),
  }))

  app.post(`${base}/participants/:participantId/check-in`, { schema: { tags, summary: 'Organisers: check a participant in on the day (or undo)', params: participantParams, body: checkInInput } }, async (request, reply) => {
    await checkIn(db, request.actor, request.params.id, request.params.participantId, request.body.checkedIn)
    return reply.status(204).send()
  })

  // Requests ----------------------------------------------------------------------------------------

  app.get(`${base}/requests`, { schema: { tags, summary: 'My requests, received and sent', params: eventParams, response: { 200: z.object({ incoming: z.array(requestView), outgoing: z.array(requestView) }) } } }, async (request) =>
    myRequests(db, request.actor, request.params.id),
  )

  app.post(`${base}/requests`, { schema: { tags, summary: 'Ask someone for a meeting', params: eventParams, body: meetingRequestInput, response: { 201: z.object({ id: z.string(), status: requestStatus }) } } }, async (request, reply) => {
    const saved = await sendRequest(db, request.actor, request.params.id, request.body.toParticipantId, request.body.message)
    return reply.status(201).send(saved)
  })

  const requestParams = eventParams.extend({ requestId: uuid })
  app.post(`${base}/requests/:requestId/answer`, { schema: { tags, summary: 'Accept or decline a request made to me', params: requestParams, body: answerInput, response: { 200: z.object({ status: requestStatus }) } } }, async (request) => ({
    status: await answerRequest(db, request.actor, request.params.id, request.params.requestId, request.body.accept),
  }))

  app.post(`${base}/requests/:requestId/cancel`, { schema: { tags, summary: 'Withdraw my pending request, or cancel an accepted one (and its meeting)', params: requestParams, response: { 200: z.object({ status: requestStatus }) } } }, async (request) => ({
    status: await cancelRequest(db, request.actor, request.params.id, request.params.requestId),
  }))

  // Schedule ----------------------------------------------------------------------------------------

  app.get(`${base}/schedule`, { schema: { tags, summary: 'Organisers: the schedule and table plan', params: eventParams, response: { 200: z.object({ schedule: scheduleView }) } } }, async (request) => ({
    schedule: await getSchedule(db, request.actor, request.params.id),
  }))

  app.post(`${base}/schedule/run`, { schema: { tags, summary: 'Organisers: schedule the accepted requests (published meetings stay put)', params: eventParams, response: { 200: z.object({ schedule: scheduleView }) } } }, async (request) => {
    const run = await runScheduler(db, request.actor, request.params.id)
    return { schedule: await getSchedule(db, request.actor, request.params.id, run) }
  })

  app.post(`${base}/schedule/publish`, { schema: { tags, summary: 'Organisers: publish the preliminary or the final agenda', params: eventParams, body: publishInput, response: { 200: z.object({ schedule: scheduleView }) } } }, async (request) => {
    await publishAgenda(db, request.actor, request.params.id, request.body.stage)
    return { schedule: await getSchedule(db, request.actor, request.params.id) }
  })

  const meetingParams = eventParams.extend({ meetingId: uuid })
  app.get(`${base}/schedule/meetings/:meetingId/options`, { schema: { tags, summary: 'Organisers: where a meeting could be moved', params: meetingParams, response: { 200: z.object({ items: z.array(z.object({ slot: z.number(), tables: z.array(tableRef) })) }) } } }, async (request) => ({
    items: await meetingMoveOptions(db, request.actor, request.params.id, request.params.meetingId),
  }))

  app.post(`${base}/schedule/meetings/:meetingId/move`, { schema: { tags, summary: 'Organisers: move a meeting to another free slot or table', params: meetingParams, body: moveInput, response: { 200: z.object({ schedule: scheduleView }) } } }, async (request) => {
    await moveMeeting(db, request.actor, request.params.id, request.params.meetingId, request.body.slot, request.body.table as never)
    return { schedule: await getSchedule(db, request.actor, request.params.id) }
  })

  app.post(`${base}/reminders`, { schema: { tags, summary: 'Organisers: e-mail the participants who have no meeting yet', params: eventParams, response: { 200: z.object({ queued: z.number() }) } } }, async (request) => ({
    queued: await remindParticipantsWithoutMeetings(db, request.actor, request.params.id, config.publicUrl),
  }))

  // Agenda and follow-up ----------------------------------------------------------------------------

  const agendaQuery = z.object({ participant: uuid.optional(), lang: z.enum(['it', 'en']).optional() }).strict()
  app.get(`${base}/agenda`, { schema: { tags, summary: 'My published agenda (organisers: any participant’s)', params: eventParams, querystring: agendaQuery, response: { 200: z.object({ agenda: agendaView }) } } }, async (request) => ({
    agenda: await myAgenda(db, request.actor, request.params.id, request.query.participant),
  }))

  app.get(`${base}/agenda.pdf`, { schema: { tags, summary: 'My agenda as a printable PDF', params: eventParams, querystring: agendaQuery } }, async (request, reply) => {
    const pdf = await agendaPdfFor(db, request.actor, request.params.id, request.query.lang ?? request.locale, request.query.participant)
    reply.header('Content-Type', 'application/pdf')
    reply.header('Content-Disposition', `inline; filename="clock-agenda-${request.params.id}.pdf"`)
    return reply.send(pdf)
  })

  app.put(`${base}/meetings/:meetingId/follow-up`, { schema: { tags, summary: 'Record whether a meeting was held and what followed', params: meetingParams, body: followUpInput } }, async (request, reply) => {
    await recordFollowUp(db, request.actor, request.params.id, request.params.meetingId, request.body.held, request.body.followUp)
    return reply.status(204).send()
  })

  app.put(`${base}/meetings/:meetingId/follow-up/later`, { schema: { tags, summary: 'Record, six months on, what followed a meeting (once asked, or six months after it)', params: meetingParams, body: laterFollowUpInput } }, async (request, reply) => {
    await recordLaterFollowUp(db, request.actor, request.params.id, request.params.meetingId, request.body.followUp)
    return reply.status(204).send()
  })

  // Figures -----------------------------------------------------------------------------------------

  app.get(`${base}/stats`, { schema: { tags, summary: 'Organisers: registrations, requests, meetings by role and district', params: eventParams, response: { 200: z.object({ stats: statsView }) } } }, async (request) => ({
    stats: await statsFor(db, request.actor, request.params.id),
  }))

  const exportParams = eventParams.extend({ file: z.enum(['participants.csv', 'participants.xlsx', 'meetings.csv', 'meetings.xlsx']) })
  app.get(`${base}/export/:file`, { schema: { tags, summary: 'Organisers: participants or meetings as CSV or Excel', params: exportParams, querystring: z.object({ lang: z.enum(['it', 'en']).optional() }).strict() } }, async (request, reply) => {
    const [kind, format] = request.params.file.split('.') as ['participants' | 'meetings', 'csv' | 'xlsx']
    const body = await exportFile(db, request.actor, request.params.id, kind, format, request.query.lang ?? request.locale)
    reply.header('Content-Type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    reply.header('Content-Disposition', `attachment; filename="clock-${kind}-${request.params.id}.${format}"`)
    return reply.send(body)
  })
}
