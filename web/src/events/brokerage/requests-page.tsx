import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../platform/api'
import { ErrorMessage, Loading } from '../../platform/feedback'
import { FormAlert, useSubmit } from '../../platform/forms'
import { formatDateTime } from '../../platform/format'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import type { BrokerageProps } from './brokerage-page'
import { roleLabel } from './brokerage-format'
import type { PersonRef, RequestView } from './types'

type Requests = { incoming: RequestView[]; outgoing: RequestView[] }

/** Requests made to me (accept, decline) and by me (withdraw); either side may cancel an accepted one. */
export function RequestsPage({ brokerage, reload: reloadBrokerage }: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const { data, error, reload } = useApi<Requests>(`/api/events/${brokerage.eventId}/brokerage/requests`)
  const submit = useSubmit()
  if (error) return <ErrorMessage error={error} />
  if (!data) return <Loading />
  const base = `/api/events/${brokerage.eventId}/brokerage/requests`
  const act = (path: string, body?: unknown): Promise<void> =>
    submit.run(async () => {
      await api.post(path, body)
      reload()
      reloadBrokerage()
    })
  const cancel = (request: RequestView): void => {
    if (request.status === 'accepted' && !window.confirm(t('events.brokerage.requests.cancelConfirm'))) return
    void act(`${base}/${request.id}/cancel`)
  }
  const cancelButton = (request: RequestView, label: string): ReactElement => (
    <button type="button" className="link-button link-button--danger" onClick={() => cancel(request)} disabled={submit.busy} data-testid="cancel-request">
      {label}
    </button>
  )
  return (
    <div>
      <p className="section-lead">{t(`events.brokerage.requests.mode.${brokerage.requestMode}`)}</p>
      <FormAlert failure={submit.failure} />
      <section aria-labelledby="incoming-title">
        <h2 id="incoming-title">{t('events.brokerage.requests.incoming')}</h2>
        <RequestRows
          roles={brokerage.roles}
          requests={data.incoming}
          person={(r) => r.from}
          testId="incoming-request"
          actions={(request) => (
            <>
              {request.status === 'pending' && (
                <>
                  <button type="button" className="button" onClick={() => act(`${base}/${request.id}/answer`, { accept: true })} disabled={submit.busy} data-testid="accept-request">
                    {t('events.brokerage.requests.accept')}
                  </button>{' '}
                  <button type="button" className="button button--secondary" onClick={() => act(`${base}/${request.id}/answer`, { accept: false })} disabled={submit.busy} data-testid="decline-request">
                    {t('events.brokerage.requests.decline')}
                  </button>
                </>
              )}
              {request.status === 'accepted' && cancelButton(request, t('events.brokerage.requests.cancel'))}
            </>
          )}
        />
      </section>
      <section aria-labelledby="outgoing-title">
        <h2 id="outgoing-title">{t('events.brokerage.requests.outgoing')}</h2>
        <RequestRows
          roles={brokerage.roles}
          requests={data.outgoing}
          person={(r) => r.to}
          testId="outgoing-request"
          actions={(request) => (
            <>
              {request.status === 'pending' && cancelButton(request, t('events.brokerage.requests.withdraw'))}
              {request.status === 'accepted' && cancelButton(request, t('events.brokerage.requests.cancel'))}
            </>
          )}
        />
      </section>
    </div>
  )
}

function RequestRows({ requests, person, actions, testId, roles }: { requests: RequestView[]; person: (r: RequestView) => PersonRef; actions: (r: RequestView) => ReactElement; testId: string; roles: BrokerageProps['brokerage']['roles'] }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  if (requests.length === 0) return <p className="empty-state">{t('events.brokerage.requests.none')}</p>
  return (
    <div className="table-wrapper">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('events.brokerage.requests.who')}</th>
            <th scope="col">{t('events.brokerage.requests.message')}</th>
            <th scope="col">{t('events.brokerage.requests.when')}</th>
            <th scope="col">{t('events.brokerage.requests.status')}</th>
            <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {requests.map((request) => {
            const other = person(request)
            return (
              <tr key={request.id} data-testid={testId} data-status={request.status} data-request-id={request.id}>
                <td>
                  <strong>{other.fullName}</strong>
                  <br />
                  <span className="muted">{[other.organisation, roleLabel(language, roles, other.role)].filter(Boolean).join(' · ')}</span>
                </td>
                <td>{request.message}</td>
                <td>{formatDateTime(language, request.createdAt)}</td>
                <td>{t(`events.brokerage.requestStatus.${request.status}`)}</td>
                <td className="table__actions">{actions(request)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
