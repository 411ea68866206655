import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../platform/api'
import { ErrorMessage, Loading, Notice } from '../../platform/feedback'
import { FormAlert, SelectField, useSubmit } from '../../platform/forms'
import { formatNumber } from '../../platform/format'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import type { BrokerageProps } from './brokerage-page'
import { formatMeetingDay, formatMeetingTime, formatSlot, planColumns } from './brokerage-format'
import { useTableText } from './table-place'
import type { MeetingView, ScheduleView, TableRef } from './types'

const algorithmNames = ['exact-mip', 'heuristic', 'first-fit']

/** Above this many places the plan shows only the tables in use, to stay readable. */
const allColumnsUpTo = 24

/** The organisers' schedule: run the scheduler, read the result and the table plan, move a meeting, publish. */
export function SchedulePage({ brokerage, reload: reloadBrokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const state = useApi<{ schedule: ScheduleView }>(`/api/events/${brokerage.eventId}/brokerage/schedule`)
  const [lastRun, setLastRun] = useState<ScheduleView['lastRun']>(null)
  const [reminded, setReminded] = useState<number | null>(null)
  const submit = useSubmit()
  const base = `/api/events/${brokerage.eventId}/brokerage`
  if (state.error) return <ErrorMessage error={state.error} />
  if (!state.data) return <Loading />
  const schedule = state.data.schedule

  const update = (action: () => Promise<{ schedule: ScheduleView }>, remember = false): Promise<void> =>
    submit.run(async () => {
      const answer = await action()
      state.replace(answer)
      if (remember) setLastRun(answer.schedule.lastRun)
      reloadBrokerage()
    })
  const run = (): Promise<void> => update(() => api.post(`${base}/schedule/run`), true)
  const publish = (stage: 'preliminary' | 'final'): Promise<void> => {
    if (stage === 'final' && !window.confirm(t('events.brokerage.schedule.finalConfirm'))) return Promise.resolve()
    return update(() => api.post(`${base}/schedule/publish`, { stage }))
  }
  const remind = (): Promise<void> =>
    submit.run(async () => {
      setReminded((await api.post<{ queued: number }>(`${base}/reminders`)).queued)
    })
  const final = schedule.agendaStatus === 'final'

  return (
    <div>
      <section aria-labelledby="schedule-summary">
        <h2 id="schedule-summary">{t('events.brokerage.schedule.title')}</h2>
        <dl className="facts facts--highlight">
          <dt>{t('events.brokerage.overview.agenda')}</dt>
          <dd data-testid="schedule-status" data-status={schedule.agendaStatus}>{t(`events.brokerage.agendaStatus.${schedule.agendaStatus}`)}</dd>
          <dt>{t('events.brokerage.schedule.scheduled')}</dt>
          <dd data-testid="scheduled-count" data-count={schedule.meetings.length}>{formatNumber(language, schedule.meetings.length)}</dd>
          <dt>{t('events.brokerage.schedule.unscheduled')}</dt>
          <dd data-testid="unscheduled-count" data-count={schedule.unscheduled.length}>{formatNumber(language, schedule.unscheduled.length)}</dd>
          <dt>{t('events.brokerage.schedule.unpublished')}</dt>
          <dd data-testid="unpublished-count" data-count={schedule.unpublishedCount}>{formatNumber(language, schedule.unpublishedCount)}</dd>
        </dl>
        {lastRun && (
          <Notice tone="success" testId="run-result">
            <p>
              {t('events.brokerage.schedule.runResult', { count: schedule.meetings.length, scheduled: formatNumber(language, schedule.meetings.length), bound: formatNumber(language, lastRun.upperBound), gaps: formatNumber(language, lastRun.idleGaps) })}{' '}
              {lastRun.maxMeetingsProven && t('events.brokerage.schedule.proven')}
            </p>
            <p className="muted">{t('events.brokerage.schedule.algorithm', { name: algorithmNames.includes(lastRun.algorithm) ? t(`events.brokerage.schedule.algorithms.${lastRun.algorithm}`) : lastRun.algorithm })}</p>
          </Notice>
        )}
        <FormAlert failure={submit.failure} />
        <div className="form-actions">
          <button type="button" className="button" onClick={run} disabled={submit.busy} data-testid="run-scheduler">
            {t('events.brokerage.schedule.run')}
          </button>
          {!final && (
            <button type="button" className="button button--secondary" onClick={() => void publish('preliminary')} disabled={submit.busy || schedule.meetings.length === 0} data-testid="publish-preliminary">
              {t('events.brokerage.schedule.publishPreliminary')}
            </button>
          )}
          <button type="button" className="button button--secondary" onClick={() => void publish('final')} disabled={submit.busy || schedule.meetings.length === 0 || (final && schedule.unpublishedCount === 0)} data-testid="publish-final">
            {t('events.brokerage.schedule.publishFinal')}
          </button>
          <button type="button" className="button button--secondary" onClick={remind} disabled={submit.busy} data-testid="send-reminders">
            {t('events.brokerage.schedule.remind')}
          </button>
        </div>
        <p className="field-hint">{t('events.brokerage.schedule.hint')}</p>
        {reminded !== null && <p data-testid="reminders-queued">{t('events.brokerage.schedule.reminded', { count: reminded })}</p>}
      </section>
      {schedule.unscheduled.length > 0 && (
        <section aria-labelledby="unscheduled-title">
          <h2 id="unscheduled-title">{t('events.brokerage.schedule.unscheduledTitle')}</h2>
          <ul className="plain-list" data-testid="unscheduled">
            {schedule.unscheduled.map((u) => (
              <li key={u.requestId} className="plain-list__item">
                {u.a.fullName} ↔ {u.b.fullName} — <span className="muted">{t(u.reason === 'participant_not_confirmed' ? 'events.brokerage.schedule.reasonNotConfirmed' : 'events.brokerage.schedule.reasonNotPlaced')}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <TablePlan schedule={schedule} eventId={brokerage.eventId} onMoved={(answer) => state.replace(answer)} />
    </div>
  )
}

/** The venue's plan: one row per slot, one column per table or video room, each meeting movable to a free place. */
function TablePlan({ schedule, eventId, onMoved }: { schedule: ScheduleView; eventId: string; onMoved: (answer: { schedule: ScheduleView }) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const tableText = useTableText()
  const [moving, setMoving] = useState<MeetingView | null>(null)
  const all = planColumns(schedule.tables, schedule.virtualRooms)
  const used = new Set(schedule.meetings.map((m) => String(m.table)))
  const columns = all.length <= allColumnsUpTo ? all : all.filter((table) => used.has(String(table)))
  const at = new Map(schedule.meetings.map((m) => [`${m.slot}|${String(m.table)}`, m]))
  const days = [...new Set(schedule.slots.map((slot) => slot.day))]
  if (schedule.meetings.length === 0) return <p className="empty-state" data-testid="plan-empty">{t('events.brokerage.schedule.noMeetings')}</p>
  return (
    <section aria-labelledby="plan-title">
      <h2 id="plan-title">{t('events.brokerage.schedule.plan')}</h2>
      {columns.length < all.length && <p className="muted">{t('events.brokerage.schedule.planUsedOnly', { count: all.length })}</p>}
      {moving && <MoveMeeting eventId={eventId} meeting={moving} schedule={schedule} onDone={(answer) => { setMoving(null); if (answer) onMoved(answer) }} />}
      {days.map((day) => {
        const slots = schedule.slots.filter((slot) => slot.day === day)
        return (
          <div className="table-wrapper" key={day}>
            <table className="table brokerage-plan" data-testid="table-plan">
              <caption>{slots[0] ? formatMeetingDay(language, slots[0].startsAt) : day} ({t('events.romeTime')})</caption>
              <thead>
                <tr>
                  <th scope="col">{t('events.brokerage.schedule.time')}</th>
                  {columns.map((table) => (
                    <th scope="col" key={String(table)}>{tableText(table)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {slots.map((slot) => (
                  <tr key={slot.index}>
                    <th scope="row" className="brokerage-time">{formatMeetingTime(language, slot.startsAt, slot.endsAt)}</th>
                    {columns.map((table) => {
                      const meeting = at.get(`${slot.index}|${String(table)}`)
                      return (
                        <td key={String(table)} className={meeting ? (meeting.published ? 'brokerage-cell brokerage-cell--published' : 'brokerage-cell') : undefined}>
                          {meeting && (
                            <div data-testid="plan-meeting" data-meeting-id={meeting.id} data-published={meeting.published}>
                              <span>{meeting.a.fullName}</span> ↔ <span>{meeting.b.fullName}</span>
                              {!meeting.published && <span className="badge">{t('events.brokerage.schedule.draftBadge')}</span>}{' '}
                              <button type="button" className="link-button" onClick={() => setMoving(meeting)} data-testid="move-meeting" aria-label={t('events.brokerage.schedule.moveLabel', { a: meeting.a.fullName, b: meeting.b.fullName })}>
                                {t('events.brokerage.schedule.move')}
                              </button>
                            </div>
                          )}
                        </td>
                      )
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </section>
  )
}

/** The free places both people can attend, from the server; choosing one moves the meeting. */
function MoveMeeting({ eventId, meeting, schedule, onDone }: { eventId: string; meeting: MeetingView; schedule: ScheduleView; onDone: (answer: { schedule: ScheduleView } | null) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const tableText = useTableText()
  const options = useApi<{ items: { slot: number; tables: TableRef[] }[] }>(`/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/options`)
  const [choice, setChoice] = useState('')
  const submit = useSubmit()
  const choices = (options.data?.items ?? []).flatMap((option) => {
    const slot = schedule.slots[option.slot]
    return option.tables.map((table) => ({ value: `${option.slot}|${String(table)}`, label: `${slot ? formatSlot(language, slot.startsAt, slot.endsAt) : option.slot} · ${tableText(table)}` }))
  })
  return (
    <form
      className="form form--panel"
      data-testid="move-form"
      onSubmit={(formEvent) => {
        formEvent.preventDefault()
        void submit.run(async () => {
          const [slot, table] = choice.split('|') as [string, string]
          const tableRef: TableRef = table.startsWith('virtual:') ? (table as TableRef) : Number(table)
          onDone(await api.post<{ schedule: ScheduleView }>(`/api/events/${eventId}/brokerage/schedule/meetings/${meeting.id}/move`, { slot: Number(slot), table: tableRef }))
        })
      }}
    >
      <h3>{t('events.brokerage.schedule.moveTitle', { a: meeting.a.fullName, b: meeting.b.fullName })}</h3>
      <p className="muted">{t('events.brokerage.schedule.moveNow', { when: formatSlot(language, meeting.startsAt, meeting.endsAt), place: tableText(meeting.table) })}</p>
      {meeting.published && <p className="field-hint">{t('events.brokerage.schedule.movePublished')}</p>}
      {options.error && <ErrorMessage error={options.error} />}
      {options.data && choices.length === 0 && <p className="empty-state">{t('events.brokerage.schedule.noPlace')}</p>}
      {choices.length > 0 && (
        <SelectField label={t('events.brokerage.schedule.moveTo')} value={choice} onChange={setChoice} emptyLabel={t('events.brokerage.schedule.choose')} options={choices} required testId="move-choice" />
      )}
      <FormAlert failure={submit.failure} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={!choice || submit.busy} data-testid="move-submit">
          {t('events.brokerage.schedule.move')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
