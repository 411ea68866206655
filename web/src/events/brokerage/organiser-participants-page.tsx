import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api, withQuery } from '../../platform/api'
import { ErrorMessage, Loading } from '../../platform/feedback'
import { FormAlert, SelectField, useSubmit } from '../../platform/forms'
import { formatNumber } from '../../platform/format'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import type { BrokerageProps } from './brokerage-page'
import { roleLabel } from './brokerage-format'
import type { ParticipantStatus, ParticipantView } from './types'

const statuses: ParticipantStatus[] = ['pending', 'confirmed', 'declined']

/** The organisers' list: approve or decline registrations, check people in on the day, print anyone's agenda. */
export function OrganiserParticipantsPage({ brokerage, reload: reloadBrokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [status, setStatus] = useState('')
  const { data, error, reload } = useApi<{ items: ParticipantView[] }>(withQuery(`/api/events/${brokerage.eventId}/brokerage/participants`, { status }))
  const submit = useSubmit()
  const base = `/api/events/${brokerage.eventId}/brokerage/participants`
  const act = (path: string, body: unknown): Promise<void> =>
    submit.run(async () => {
      await api.post(path, body)
      reload()
      reloadBrokerage()
    })
  return (
    <section aria-labelledby="organiser-participants-title">
      <h2 id="organiser-participants-title" data-testid="registrations-count" data-count={data?.items.length ?? 0}>
        {t('events.brokerage.registrations.title', { number: formatNumber(language, data?.items.length ?? 0) })}
      </h2>
      <div className="form--inline">
        <SelectField
          label={t('events.brokerage.registrations.status')}
          value={status}
          onChange={setStatus}
          emptyLabel={t('common.any')}
          testId="registrations-status"
          options={statuses.map((value) => ({ value, label: t(`events.brokerage.participantStatus.${value}`) }))}
        />
      </div>
      <FormAlert failure={submit.failure} />
      {error && <ErrorMessage error={error} />}
      {!data && !error && <Loading />}
      {data && data.items.length === 0 && <p className="empty-state">{t('events.brokerage.registrations.none')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-wrapper">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('events.registrations.name')}</th>
                <th scope="col">{t('events.brokerage.registrations.organisation')}</th>
                <th scope="col">{t('events.brokerage.participation.role')}</th>
                <th scope="col">{t('events.registrations.status')}</th>
                <th scope="col">{t('events.brokerage.registrations.checkedIn')}</th>
                <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id} data-testid="registration-row" data-status={p.status} data-participant-id={p.id}>
                  <td>
                    {p.fullName}
                    {p.email && (
                      <>
                        <br />
                        <a href={`mailto:${p.email}`} className="muted">{p.email}</a>
                      </>
                    )}
                  </td>
                  <td>{p.organisation?.name ?? '—'}</td>
                  <td>{roleLabel(language, brokerage.roles, p.role)}</td>
                  <td>{t(`events.brokerage.participantStatus.${p.status}`)}</td>
                  <td>
                    {p.status === 'confirmed' && (
                      <input
                        type="checkbox"
                        checked={p.checkedIn}
                        aria-label={t('events.brokerage.registrations.checkInFor', { name: p.fullName })}
                        disabled={submit.busy}
                        onChange={(e) => void act(`${base}/${p.id}/check-in`, { checkedIn: e.target.checked })}
                        data-testid="check-in"
                      />
                    )}
                  </td>
                  <td className="table__actions">
                    {p.status === 'pending' && (
                      <button type="button" className="button" onClick={() => void act(`${base}/${p.id}/decision`, { decision: 'approve' })} disabled={submit.busy} data-testid="approve-participant">
                        {t('events.registrations.approve')}
                      </button>
                    )}{' '}
                    {(p.status === 'pending' || p.status === 'confirmed') && (
                      <button type="button" className="link-button link-button--danger" onClick={() => void act(`${base}/${p.id}/decision`, { decision: 'decline' })} disabled={submit.busy} data-testid="decline-participant">
                        {t('events.registrations.decline')}
                      </button>
                    )}{' '}
                    {p.status === 'confirmed' && (
                      <a href={`/api/events/${brokerage.eventId}/brokerage/agenda.pdf?participant=${p.id}&lang=${language}`} target="_blank" rel="noopener">
                        {t('events.brokerage.registrations.agendaPdf')}
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
