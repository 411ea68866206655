import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../platform/api'
import { Notice, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextField, useSubmit } from '../platform/forms'
import { isLanguage, rememberLanguage, showLanguage } from '../platform/i18n'
import { localized, useLanguage } from '../platform/use-language'
import { useSession } from './session'
import { SignInRequired } from './sign-in-required'
import type { User } from './types'

export function AccountPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('account.title'))
  const { user } = useSession()
  if (!user) return <SignInRequired title={t('account.title')} />
  return (
    <div className="page">
      <h1>{t('account.title')}</h1>
      <div className="two-columns">
        <ProfileForm user={user} />
        <div>
          <MyOrganisations user={user} />
          <ManagedClusters user={user} />
          <section aria-labelledby="roles-title">
            <h2 id="roles-title">{t('account.roles')}</h2>
            {user.roles.length === 0 ? (
              <p className="muted">{t('account.noRoles')}</p>
            ) : (
              <ul className="chips">
                {user.roles.map((role) => (
                  <li key={role} className="chip chip--plain">
                    {t(`roles.${role}`)}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </div>
  )
}

function ProfileForm({ user }: { user: User }): ReactElement {
  const { t } = useTranslation()
  const { setUser } = useSession()
  const [fullName, setFullName] = useState(user.fullName)
  const [locale, setLocale] = useState(user.locale)
  const [saved, setSaved] = useState(false)
  const { busy, failure, run } = useSubmit()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setSaved(false)
    void run(async () => {
      const { user: updated } = await api.patch<{ user: User }>('/api/auth/me', { fullName: fullName.trim(), locale })
      setUser(updated)
      rememberLanguage(updated.locale)
      await showLanguage(updated.locale)
      setSaved(true)
    })
  }
  return (
    <form className="form form--panel" onSubmit={submit} noValidate aria-labelledby="profile-title" data-testid="profile-form">
      <h2 id="profile-title">{t('account.profile')}</h2>
      {saved && (
        <Notice tone="success" testId="saved">
          <p>{t('common.saved')}</p>
        </Notice>
      )}
      <FormAlert failure={failure} />
      <p>
        <span className="field-label">{t('account.email')}</span>
        <br />
        {user.email}
      </p>
      <TextField label={t('account.fullName')} autoComplete="name" value={fullName} onChange={setFullName} error={errorFor(failure, 'fullName')} required />
      <SelectField
        label={t('account.locale')}
        hint={t('account.localeHint')}
        value={locale}
        onChange={(value) => setLocale(isLanguage(value) ? value : 'it')}
        options={[
          { value: 'it', label: t('layout.languageName.it') },
          { value: 'en', label: t('layout.languageName.en') },
        ]}
        error={errorFor(failure, 'locale')}
        testId="profile-locale"
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={busy}>
          {t('common.save')}
        </button>
      </div>
    </form>
  )
}

function MyOrganisations({ user }: { user: User }): ReactElement {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="my-organisations-title" data-testid="my-organisations">
      <h2 id="my-organisations-title">{t('account.organisations')}</h2>
      {user.organisations.length === 0 ? (
        <p className="muted">{t('account.noOrganisations')}</p>
      ) : (
        <ul className="plain-list">
          {user.organisations.map((organisation) => (
            <li key={organisation.id} className="plain-list__item">
              <Link to={`/organisations/${organisation.id}`}>{organisation.name}</Link>
              <span className="badge">{t(`organisationUsers.roles.${organisation.role}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/organisations/new">{t('nav.newOrganisation')}</Link>
      </p>
    </section>
  )
}

function ManagedClusters({ user }: { user: User }): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  if (user.managedClusters.length === 0) return null
  return (
    <section aria-labelledby="managed-title">
      <h2 id="managed-title">{t('account.managedClusters')}</h2>
      <ul className="plain-list">
        {user.managedClusters.map((cluster) => (
          <li key={cluster.id} className="plain-list__item">
            <Link to={`/clusters/${cluster.slug}`}>{localized(language, cluster.nameIt, cluster.nameEn)}</Link>
          </li>
        ))}
      </ul>
    </section>
  )
}
