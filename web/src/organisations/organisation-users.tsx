import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../accounts/session'
import { api } from '../platform/api'
import { ErrorMessage } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextField, useSubmit } from '../platform/forms'
import { useApi } from '../platform/use-api'
import type { OrganisationUser } from './types'

/** Who may act for the organisation: shown to its administrators. */
export function OrganisationUsers({ organisationId }: { organisationId: string }): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  const path = `/api/organisations/${organisationId}/users`
  const { data, error, reload } = useApi<{ items: OrganisationUser[] }>(path)
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<OrganisationUser['role']>('member')
  const adding = useSubmit()
  const removing = useSubmit()

  const add = (event: FormEvent): void => {
    event.preventDefault()
    void adding.run(async () => {
      await api.post(path, { email: email.trim(), role })
      setEmail('')
      reload()
    })
  }
  const remove = (member: OrganisationUser): void => {
    if (!window.confirm(t('organisationUsers.confirmRemove', { name: member.fullName }))) return
    void removing.run(async () => {
      await api.del(`${path}/${member.userId}`)
      reload()
    })
  }
  return (
    <section aria-labelledby="org-users-title" data-testid="organisation-users">
      <h2 id="org-users-title">{t('organisationUsers.title')}</h2>
      {error && <ErrorMessage error={error} />}
      <FormAlert failure={removing.failure} />
      {data && (
        <ul className="plain-list">
          {data.items.map((member) => (
            <li key={member.userId} className="plain-list__item">
              <span>
                <strong>{member.fullName}</strong> <span className="muted">{member.email}</span>{' '}
                <span className="badge">{t(`organisationUsers.roles.${member.role}`)}</span>
              </span>
              {member.userId !== user?.id && (
                <button type="button" className="link-button link-button--danger" onClick={() => remove(member)} disabled={removing.busy}>
                  {t('common.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form className="form form--panel" onSubmit={add} aria-labelledby="org-users-add">
        <h3 id="org-users-add">{t('organisationUsers.add')}</h3>
        <FormAlert failure={adding.failure} />
        <TextField
          label={t('account.email')}
          hint={t('organisationUsers.addHint')}
          type="email"
          value={email}
          onChange={setEmail}
          error={errorFor(adding.failure, 'email')}
          required
        />
        <SelectField
          label={t('organisationUsers.role')}
          value={role}
          onChange={(value) => setRole(value === 'admin' ? 'admin' : 'member')}
          options={[
            { value: 'member', label: t('organisationUsers.roles.member') },
            { value: 'admin', label: t('organisationUsers.roles.admin') },
          ]}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={adding.busy || email.trim() === ''}>
            {t('organisationUsers.addSubmit')}
          </button>
        </div>
      </form>
    </section>
  )
}
