import { useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../platform/api'
import { Notice } from '../../platform/feedback'
import { Checkbox, Fieldset, FormAlert, SelectField, TextField, errorFor, useSubmit, type FormFailure } from '../../platform/forms'
import { useLanguage } from '../../platform/use-language'
import type { EventDetail } from '../types'
import { roleLabel } from './brokerage-format'
import { defaultDraft, draftFromView, pairKey, possiblePairs, toConfigInput, type ConfigDraft, type SessionDraft } from './config-form'
import type { BrokerageView } from './types'

/** The organisers' configuration: windows, sessions with breaks, meeting length, places, caps, request mode, roles and pairs. */
export function ConfigForm({ event, brokerage, onSaved }: { event: EventDetail; brokerage: BrokerageView | null; onSaved: () => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [draft, setDraft] = useState<ConfigDraft>(() => (brokerage ? draftFromView(brokerage) : defaultDraft(event)))
  const [localFailure, setLocalFailure] = useState<FormFailure | null>(null)
  const [saved, setSaved] = useState(false)
  const submit = useSubmit()
  const failure = localFailure ?? submit.failure
  const published = brokerage?.agendaStatus === 'preliminary' || brokerage?.agendaStatus === 'final'
  const set = <K extends keyof ConfigDraft>(key: K, value: ConfigDraft[K]): void => setDraft((current) => ({ ...current, [key]: value }))
  const setSession = (index: number, changes: Partial<SessionDraft>): void => set('sessions', draft.sessions.map((s, i) => (i === index ? { ...s, ...changes } : s)))
  const setRole = (index: number, changes: Partial<ConfigDraft['roles'][number]>): void => set('roles', draft.roles.map((r, i) => (i === index ? { ...r, ...changes } : r)))

  const save = (): Promise<void> =>
    submit.run(async () => {
      setSaved(false)
      setLocalFailure(null)
      const result = toConfigInput(draft)
      if ('field' in result) {
        setLocalFailure({ message: t('events.brokerage.config.breaksFormat'), field: result.field, status: 0, code: 'client' })
        return
      }
      await api.put(`/api/events/${event.id}/brokerage`, result.input)
      setSaved(true)
      onSaved()
    })

  const numberField = (key: 'meetingMinutes' | 'tables' | 'virtualRooms' | 'maxMeetings', testId: string): ReactElement => (
    <TextField label={t(`events.brokerage.config.${key}`)} type="number" inputMode="numeric" value={draft[key]} onChange={(value) => set(key, value)} error={errorFor(failure, key)} required testId={testId} />
  )
  const momentField = (key: 'registrationOpensAt' | 'registrationClosesAt' | 'bookingOpensAt' | 'bookingClosesAt'): ReactElement => (
    <div className={`field${errorFor(failure, key) ? ' field--invalid' : ''}`}>
      <label htmlFor={`config-${key}`}>{t(`events.brokerage.config.${key}`)}</label>
      {errorFor(failure, key) && <p className="field-error">{errorFor(failure, key)}</p>}
      <input id={`config-${key}`} type="datetime-local" value={draft[key]} required onChange={(e) => set(key, e.target.value)} data-testid={`config-${key}`} />
    </div>
  )

  return (
    <form
      className="form form--panel"
      data-testid="config-form"
      onSubmit={(formEvent) => {
        formEvent.preventDefault()
        void save()
      }}
    >
      <h2>{t('events.brokerage.config.title')}</h2>
      {published && (
        <Notice tone="warning">
          <p>{t('events.brokerage.config.locked')}</p>
        </Notice>
      )}
      {brokerage && !published && brokerage.agendaStatus === 'draft' && (
        <Notice tone="warning">
          <p>{t('events.brokerage.config.draftDiscarded')}</p>
        </Notice>
      )}
      <FormAlert failure={failure} />
      <Fieldset legend={t('events.brokerage.config.windows')} hint={t('events.form.timesHint')}>
        <div className="field-row">
          {momentField('registrationOpensAt')}
          {momentField('registrationClosesAt')}
        </div>
        <div className="field-row">
          {momentField('bookingOpensAt')}
          {momentField('bookingClosesAt')}
        </div>
        <Checkbox label={t('events.brokerage.config.approval')} checked={draft.approval} onChange={(value) => set('approval', value)} testId="config-approval" />
      </Fieldset>

      <Fieldset legend={t('events.brokerage.config.sessions')} hint={t('events.brokerage.config.sessionsHint')}>
        {draft.sessions.map((session, index) => (
          <div className="brokerage-row" key={session.id ?? `new-${index}`} data-testid="config-session">
            <div className={`field${errorFor(failure, `sessions.${index}.day`) ? ' field--invalid' : ''}`}>
              <label htmlFor={`session-day-${index}`}>{t('events.brokerage.config.day')}</label>
              <input id={`session-day-${index}`} type="date" value={session.day} required onChange={(e) => setSession(index, { day: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`session-start-${index}`}>{t('events.brokerage.config.start')}</label>
              <input id={`session-start-${index}`} type="time" value={session.start} required onChange={(e) => setSession(index, { start: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`session-end-${index}`}>{t('events.brokerage.config.end')}</label>
              <input id={`session-end-${index}`} type="time" value={session.end} required onChange={(e) => setSession(index, { end: e.target.value })} />
            </div>
            <TextField label={t('events.brokerage.config.breaks')} hint={t('events.brokerage.config.breaksHint')} value={session.breaks} onChange={(value) => setSession(index, { breaks: value })} />
            {[`sessions.${index}.day`, `sessions.${index}.start`, `sessions.${index}.end`, `sessions.${index}.breaks`, `sessions.${index}.id`].some((field) => failure?.field === field || failure?.field?.startsWith(`${field}.`)) && (
              <p className="field-error">{failure?.message}</p>
            )}
            {draft.sessions.length > 1 && (
              <button type="button" className="link-button link-button--danger" onClick={() => set('sessions', draft.sessions.filter((_, i) => i !== index))}>
                {t('events.brokerage.config.removeSession')}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => set('sessions', [...draft.sessions, { day: draft.sessions[draft.sessions.length - 1]?.day ?? '', start: '14:00', end: '17:00', breaks: '' }])}>
          {t('events.brokerage.config.addSession')}
        </button>
      </Fieldset>

      <Fieldset legend={t('events.brokerage.config.meetings')}>
        <div className="field-row">
          {numberField('meetingMinutes', 'config-minutes')}
          {numberField('maxMeetings', 'config-max')}
        </div>
        <div className="field-row">
          {numberField('tables', 'config-tables')}
          {numberField('virtualRooms', 'config-virtual')}
        </div>
        <p className="field-hint">{t('events.brokerage.config.virtualHint')}</p>
        <SelectField
          label={t('events.brokerage.config.requestMode')}
          value={draft.requestMode}
          onChange={(value) => set('requestMode', value === 'opt_out' ? 'opt_out' : 'opt_in')}
          testId="config-request-mode"
          options={[
            { value: 'opt_in', label: t('events.brokerage.requestMode.opt_in') },
            { value: 'opt_out', label: t('events.brokerage.requestMode.opt_out') },
          ]}
        />
      </Fieldset>

      <Fieldset legend={t('events.brokerage.config.roles')} hint={t('events.brokerage.config.rolesHint')}>
        {draft.roles.map((role, index) => (
          <div className="brokerage-row" key={index} data-testid="config-role">
            <TextField label={t('events.brokerage.config.roleKey')} value={role.key} onChange={(value) => setRole(index, { key: value })} error={errorFor(failure, `roles.${index}.key`)} required maxLength={30} />
            <TextField label={t('events.brokerage.config.roleIt')} value={role.labelIt} onChange={(value) => setRole(index, { labelIt: value })} error={errorFor(failure, `roles.${index}.labelIt`)} required maxLength={60} />
            <TextField label={t('events.brokerage.config.roleEn')} value={role.labelEn} onChange={(value) => setRole(index, { labelEn: value })} error={errorFor(failure, `roles.${index}.labelEn`)} required maxLength={60} />
            {draft.roles.length > 1 && (
              <button type="button" className="link-button link-button--danger" onClick={() => set('roles', draft.roles.filter((_, i) => i !== index))}>
                {t('common.remove')}
              </button>
            )}
          </div>
        ))}
        <button type="button" className="button button--secondary" onClick={() => set('roles', [...draft.roles, { key: '', labelIt: '', labelEn: '' }])}>
          {t('events.brokerage.config.addRole')}
        </button>
        <fieldset className="fieldset">
          <legend>{t('events.brokerage.config.pairs')}</legend>
          {errorFor(failure, 'rolePairs') && <p className="field-error">{errorFor(failure, 'rolePairs')}</p>}
          <div className="checkbox-columns">
            {possiblePairs(draft.roles).map(([a, b]) => {
              const key = pairKey(a, b)
              return (
                <Checkbox
                  key={key}
                  label={`${roleLabel(language, draft.roles, a) || a} ↔ ${roleLabel(language, draft.roles, b) || b}`}
                  checked={draft.rolePairs.includes(key)}
                  onChange={(on) => set('rolePairs', on ? [...draft.rolePairs, key] : draft.rolePairs.filter((k) => k !== key))}
                  testId={`pair-${a}-${b}`}
                />
              )
            })}
          </div>
        </fieldset>
      </Fieldset>

      {saved && (
        <Notice tone="success" testId="config-saved">
          <p>{t('events.brokerage.config.saved')}</p>
        </Notice>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={submit.busy || published} data-testid="save-config">
          {t('events.brokerage.config.save')}
        </button>
      </div>
    </form>
  )
}
