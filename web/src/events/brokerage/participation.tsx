import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../accounts/session'
import { api } from '../../platform/api'
import { Notice } from '../../platform/feedback'
import { Checkbox, FormAlert, SelectField, TextArea, errorFor, useSubmit } from '../../platform/forms'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import { TaxonomyPicker } from '../../taxonomy/taxonomy-picker'
import type { BrokerageProps } from './brokerage-page'
import { formatMeetingDay, formatMeetingTime, formatSlot, roleLabel } from './brokerage-format'
import type { MyParticipation } from './types'

/** What this form needs of a marketplace profile (GET /api/profiles/mine). */
type MarketplaceProfile = { id: string; title: string; status: string; organisation: { id: string } }

/** The actor's place in the meetings: the registration form, the wait for approval, or their event profile. */
export function Participation(props: BrokerageProps): ReactElement {
  const { t } = useTranslation()
  const { brokerage, reload } = props
  const me = brokerage.me
  const leave = useSubmit()
  const active = me !== null && me.status !== 'cancelled'

  if (!active) {
    if (!brokerage.registrationOpen) return <p data-testid="registration-closed">{t('events.brokerage.participation.closed')}</p>
    return <ProfileForm {...props} me={null} />
  }
  const cancel = (): Promise<void> =>
    leave.run(async () => {
      if (!window.confirm(t('events.brokerage.participation.leaveConfirm'))) return
      await api.del(`/api/events/${brokerage.eventId}/brokerage/participants/me`)
      reload()
    })
  return (
    <>
      <p data-testid="participant-status" data-status={me.status}>
        <strong>{t(`events.brokerage.participantStatus.${me.status}`)}</strong>
        {me.status === 'confirmed' && <> · {t('events.brokerage.participation.accepted', { count: me.acceptedCount, max: brokerage.maxMeetings })}</>}
      </p>
      {me.status === 'pending' && <p className="muted">{t('events.brokerage.participation.waiting')}</p>}
      {me.status !== 'declined' && <ProfileForm {...props} me={me} />}
      <FormAlert failure={leave.failure} />
      {me.status !== 'declined' && (
        <button type="button" className="link-button link-button--danger" onClick={cancel} disabled={leave.busy} data-testid="leave-brokerage">
          {t('events.brokerage.participation.leave')}
        </button>
      )}
    </>
  )
}

/** Registration (me null) or the edit of the event profile: role, organisation, offer and request, topics, availability. */
function ProfileForm({ brokerage, reload, me }: BrokerageProps & { me: MyParticipation | null }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const [role, setRole] = useState(me?.role ?? brokerage.roles[0]?.key ?? '')
  const [organisationId, setOrganisationId] = useState(me?.organisationId ?? user?.organisations[0]?.id ?? '')
  const [offer, setOffer] = useState(me?.offer ?? '')
  const [request, setRequest] = useState(me?.request ?? '')
  const [topics, setTopics] = useState<string[]>(me?.taxonomyCodes ?? [])
  const [sessions, setSessions] = useState<string[]>(me?.availableSessions ?? brokerage.sessions.map((s) => s.id))
  const [blocked, setBlocked] = useState<string[]>(me?.blockedSlots ?? [])
  const [profileIds, setProfileIds] = useState<string[]>(me?.profileIds ?? [])
  const mine = useApi<{ items: MarketplaceProfile[] }>(user && user.organisations.length > 0 ? '/api/profiles/mine' : null)
  const linkable = (mine.data?.items ?? []).filter((p) => p.status === 'published' && p.organisation.id === organisationId)
  const [saved, setSaved] = useState(false)
  const submit = useSubmit()
  const toggle = (list: string[], value: string, on: boolean): string[] => (on ? [...new Set([...list, value])] : list.filter((item) => item !== value))

  const save = (): Promise<void> =>
    submit.run(async () => {
      setSaved(false)
      // Only profiles of the organisation chosen now; left out until the list has loaded, so nothing is unlinked by accident.
      const linked = profileIds.filter((id) => linkable.some((p) => p.id === id))
      const body = { organisationId: organisationId || null, offer, request, taxonomyCodes: topics, availableSessions: sessions, blockedSlots: blocked, ...(mine.data ? { profileIds: linked } : {}) }
      if (me) await api.patch(`/api/events/${brokerage.eventId}/brokerage/participants/me`, role === me.role ? body : { ...body, role })
      else await api.post(`/api/events/${brokerage.eventId}/brokerage/participants`, { ...body, role })
      setSaved(true)
      reload()
    })

  return (
    <form
      className="form"
      data-testid={me ? 'profile-form' : 'register-form'}
      onSubmit={(formEvent) => {
        formEvent.preventDefault()
        void save()
      }}
    >
      {!me && <p>{t('events.brokerage.participation.lead')}</p>}
      <FormAlert failure={submit.failure && !submit.failure.field ? submit.failure : null} />
      <SelectField
        label={t('events.brokerage.participation.role')}
        value={role}
        onChange={setRole}
        required
        error={errorFor(submit.failure, 'role')}
        testId="participant-role"
        options={brokerage.roles.map((r) => ({ value: r.key, label: roleLabel(language, brokerage.roles, r.key) }))}
      />
      {user && user.organisations.length > 0 && (
        <SelectField
          label={t('events.brokerage.participation.organisation')}
          value={organisationId}
          onChange={setOrganisationId}
          emptyLabel={t('events.brokerage.participation.noOrganisation')}
          error={errorFor(submit.failure, 'organisationId')}
          testId="participant-organisation"
          options={user.organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      {linkable.length > 0 && (
        <fieldset className="fieldset" data-testid="linked-profiles">
          <legend>{t('events.brokerage.participation.profiles')}</legend>
          <p className="field-hint">{t('events.brokerage.participation.profilesHint')}</p>
          {errorFor(submit.failure, 'profileIds') && <p className="field-error">{errorFor(submit.failure, 'profileIds')}</p>}
          {linkable.map((profile) => (
            <Checkbox key={profile.id} label={profile.title} checked={profileIds.includes(profile.id)} onChange={(on) => setProfileIds(toggle(profileIds, profile.id, on))} />
          ))}
        </fieldset>
      )}
      <TextArea label={t('events.brokerage.participation.offer')} hint={t('events.brokerage.participation.offerHint')} value={offer} onChange={setOffer} rows={3} error={errorFor(submit.failure, 'offer')} testId="participant-offer" />
      <TextArea label={t('events.brokerage.participation.request')} hint={t('events.brokerage.participation.requestHint')} value={request} onChange={setRequest} rows={3} error={errorFor(submit.failure, 'request')} testId="participant-request" />
      <details className="brokerage-details">
        <summary>{t('events.brokerage.participation.topics', { count: topics.length })}</summary>
        <TaxonomyPicker legend={t('events.brokerage.participation.topicsLegend')} value={topics} onChange={setTopics} error={errorFor(submit.failure, 'taxonomyCodes')} />
      </details>
      <fieldset className="fieldset" data-testid="availability">
        <legend>{t('events.brokerage.participation.availability')}</legend>
        <p className="field-hint">{t('events.brokerage.participation.availabilityHint')}</p>
        {errorFor(submit.failure, 'availableSessions') && <p className="field-error">{errorFor(submit.failure, 'availableSessions')}</p>}
        {brokerage.sessions.map((session) => {
          const slots = brokerage.slots.filter((slot) => slot.sessionId === session.id)
          const first = slots[0]
          const last = slots[slots.length - 1]
          return (
            <Checkbox
              key={session.id}
              label={first && last ? `${formatMeetingDay(language, first.startsAt)}, ${formatMeetingTime(language, first.startsAt, last.endsAt)}` : session.day}
              checked={sessions.includes(session.id)}
              onChange={(on) => setSessions(toggle(sessions, session.id, on))}
              testId={`session-${session.id}`}
            />
          )
        })}
      </fieldset>
      <details className="brokerage-details">
        <summary>{t('events.brokerage.participation.talks', { count: blocked.length })}</summary>
        <fieldset className="fieldset">
          <legend>{t('events.brokerage.participation.talksLegend')}</legend>
          {errorFor(submit.failure, 'blockedSlots') && <p className="field-error">{errorFor(submit.failure, 'blockedSlots')}</p>}
          <div className="checkbox-columns">
            {brokerage.slots
              .filter((slot) => sessions.includes(slot.sessionId))
              .map((slot) => (
                <Checkbox key={slot.startsAt} label={formatSlot(language, slot.startsAt, slot.endsAt)} checked={blocked.includes(slot.startsAt)} onChange={(on) => setBlocked(toggle(blocked, slot.startsAt, on))} />
              ))}
          </div>
        </fieldset>
      </details>
      {saved && (
        <Notice tone="success" testId="profile-saved">
          <p>{me ? t('common.saved') : t('events.brokerage.participation.registered')}</p>
        </Notice>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy} data-testid={me ? 'save-profile' : 'register-brokerage'}>
          {me ? t('events.brokerage.participation.save') : t('events.brokerage.participation.register')}
        </button>
      </div>
    </form>
  )
}
