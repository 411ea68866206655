import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate } from 'react-router'
import { useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, TextField, useSubmit } from '../platform/forms'
import { useSession } from './session'

/** Where to go after signing in: the page that asked, if it is one of ours. */
export function returnPath(state: unknown): string {
  const from = (state as { from?: unknown } | null)?.from
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/signin') ? from : '/'
}

export function SignInPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('signIn.title'))
  const { signIn } = useSession()
  const navigate = useNavigate()
  const location = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { busy, failure, run } = useSubmit()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      await signIn(email.trim(), password)
      navigate(returnPath(location.state), { replace: true })
    })
  }
  return (
    <div className="page page--narrow">
      <h1>{t('signIn.title')}</h1>
      <form className="form form--panel" onSubmit={submit} noValidate data-testid="signin-form">
        <FormAlert failure={failure} />
        <TextField label={t('account.email')} type="email" autoComplete="username" value={email} onChange={setEmail} error={errorFor(failure, 'email')} required testId="signin-email" />
        <TextField
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          error={errorFor(failure, 'password')}
          required
          testId="signin-password"
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} data-testid="signin-submit">
            {busy ? t('signIn.busy') : t('signIn.submit')}
          </button>
        </div>
        <p>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </p>
      </form>
      <p>
        {t('signIn.noAccount')} <Link to="/signup" state={location.state}>{t('signIn.signUp')}</Link>
      </p>
    </div>
  )
}
