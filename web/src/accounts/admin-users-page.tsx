import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useClusters } from '../districts/use-clusters'
import { api, withQuery } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { Checkbox, FormAlert, useSubmit } from '../platform/forms'
import { useApi } from '../platform/use-api'
import { useDebounced } from '../platform/use-debounced'
import { localized, useLanguage } from '../platform/use-language'
import { useSession } from './session'
import { SignInRequired } from './sign-in-required'
import { platformRoles, type PlatformRole, type User, type UserListItem } from './types'

export function AdminUsersPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.title'))
  const { user } = useSession()
  const [query, setQuery] = useState('')
  const q = useDebounced(query.trim(), 250)
  const mayList = user !== null && (user.roles.includes('platform_admin') || user.roles.includes('ma_officer'))
  const { data, error, loading, reload } = useApi<{ items: UserListItem[] }>(mayList ? withQuery('/api/admin/users', { q }) : null)
  const [editing, setEditing] = useState<string | null>(null)

  if (!user) return <SignInRequired title={t('admin.title')} />
  if (!mayList) {
    return (
      <div className="page">
        <h1>{t('admin.title')}</h1>
        <Notice tone="warning" testId="admin-forbidden">
          <p>{t('admin.forbidden')}</p>
        </Notice>
      </div>
    )
  }
  const mayEdit = user.roles.includes('platform_admin')
  return (
    <div className="page">
      <h1>{t('admin.title')}</h1>
      <p className="page-lead">{t('admin.lead')}</p>
      <div className="field field--search">
        <label htmlFor="admin-q">{t('admin.filter')}</label>
        <input id="admin-q" type="search" value={query} onChange={(event) => setQuery(event.target.value)} data-testid="admin-filter" />
      </div>
      {error && <ErrorMessage error={error} />}
      {!data && loading && <Loading />}
      {data && (
        <div className="table-wrapper">
          <table className="table" aria-busy={loading} data-testid="admin-users">
            <caption className="visually-hidden">{t('admin.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('account.fullName')}</th>
                <th scope="col">{t('account.email')}</th>
                <th scope="col">{t('account.roles')}</th>
                {mayEdit && <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th>}
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) =>
                editing === item.id ? (
                  <tr key={item.id}>
                    <td colSpan={4}>
                      <RolesForm item={item} onDone={(changed) => { setEditing(null); if (changed) reload() }} />
                    </td>
                  </tr>
                ) : (
                  <tr key={item.id}>
                    <td>{item.fullName}</td>
                    <td>{item.email}</td>
                    <td>{item.roles.length > 0 ? item.roles.map((role) => t(`roles.${role}`)).join(', ') : <span className="muted">{t('account.noRoles')}</span>}</td>
                    {mayEdit && (
                      <td className="table__actions">
                        <button type="button" className="link-button" onClick={() => setEditing(item.id)} data-testid="edit-roles">
                          {t('admin.editRoles')}
                        </button>
                      </td>
                    )}
                  </tr>
                ),
              )}
            </tbody>
          </table>
          {data.items.length === 0 && <p className="muted">{t('admin.none')}</p>}
        </div>
      )}
    </div>
  )
}

function RolesForm({ item, onDone }: { item: UserListItem; onDone: (changed: boolean) => void }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const clusters = useClusters()
  const { user: me, setUser } = useSession()
  const [roles, setRoles] = useState<PlatformRole[]>(item.roles)
  const [managed, setManaged] = useState<string[]>(item.managedClusters.map((cluster) => cluster.id))
  const { busy, failure, run } = useSubmit()
  const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list, value] : list.filter((other) => other !== value))

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      const { user } = await api.put<{ user: User }>(`/api/admin/users/${item.id}/roles`, { roles, managedClusterIds: managed })
      if (me?.id === user.id) setUser(user)
      onDone(true)
    })
  }
  return (
    <form className="form form--inline" onSubmit={submit} aria-label={t('admin.editRolesOf', { name: item.fullName })}>
      <p className="form__title">{t('admin.editRolesOf', { name: item.fullName })}</p>
      <FormAlert failure={failure} />
      <fieldset className="fieldset">
        <legend>{t('account.roles')}</legend>
        {platformRoles.map((role) => (
          <Checkbox key={role} label={t(`roles.${role}`)} checked={roles.includes(role)} onChange={(on) => setRoles(toggle(roles, role, on))} />
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('admin.managedClusters')}</legend>
        <div className="checkbox-columns">
          {(clusters.data?.items ?? []).map((cluster) => (
            <Checkbox
              key={cluster.id}
              label={localized(language, cluster.nameIt, cluster.nameEn)}
              checked={managed.includes(cluster.id)}
              onChange={(on) => setManaged(toggle(managed, cluster.id, on))}
            />
          ))}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('common.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  )
}
