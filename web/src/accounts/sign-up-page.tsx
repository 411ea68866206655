import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, SelectField, TextField, useSubmit } from '../platform/forms'
import { isLanguage } from '../platform/i18n'
import { useLanguage } from '../platform/use-language'
import { useSession } from './session'
import { returnPath } from './sign-in-page'

export const minimumPasswordLength = 10

export function SignUpPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('signUp.title'))
  const language = useLanguage()
  const { signUp } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const [fullName, setFullName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [locale, setLocale] = useState(language)
  const { busy, failure, run } = useSubmit()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      await signUp({ email: email.trim(), password, fullName: fullName.trim(), locale })
      navigate(returnPath(location.state), { replace: true })
    })
  }
  return (
    <div className="page page--narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="page-lead">{t('signUp.lead')}</p>
      <form className="form form--panel" onSubmit={submit} noValidate data-testid="signup-form">
        <FormAlert failure={failure} />
        <TextField label={t('account.fullName')} autoComplete="name" value={fullName} onChange={setFullName} error={errorFor(failure, 'fullName')} required maxLength={120} />
        <TextField label={t('account.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={errorFor(failure, 'email')} required />
        <TextField
          label={t('account.password')}
          hint={t('account.passwordHint', { count: minimumPasswordLength })}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errorFor(failure, 'password')}
          required
        />
        <SelectField
          label={t('account.locale')}
          value={locale}
          onChange={(value) => setLocale(isLanguage(value) ? value : 'it')}
          options={[
            { value: 'it', label: t('layout.languageName.it') },
            { value: 'en', label: t('layout.languageName.en') },
          ]}
          error={errorFor(failure, 'locale')}
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('signUp.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('signUp.haveAccount')} <Link to="/signin">{t('nav.signIn')}</Link>
      </p>
    </div>
  )
}
