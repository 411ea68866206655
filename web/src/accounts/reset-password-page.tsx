import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { api } from '../platform/api'
import { Notice, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, TextField, useSubmit } from '../platform/forms'
import { minimumPasswordLength } from './sign-up-page'

export function ResetPasswordPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('reset.title'))
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const [password, setPassword] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [done, setDone] = useState(false)
  const [mismatch, setMismatch] = useState(false)
  const { busy, failure, run } = useSubmit()

  const submit = (event: FormEvent): void => {
    event.preventDefault()
    setMismatch(password !== confirmation)
    if (password !== confirmation) return
    void run(async () => {
      await api.post('/api/auth/password-reset/confirm', { token, password })
      setDone(true)
    })
  }
  if (!token) {
    return (
      <div className="page page--narrow">
        <h1>{t('reset.title')}</h1>
        <Notice tone="warning">
          <p>
            {t('reset.missingToken')} <Link to="/forgot-password">{t('reset.askAgain')}</Link>
          </p>
        </Notice>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('reset.title')}</h1>
      {done ? (
        <Notice tone="success" testId="reset-done">
          <p>
            {t('reset.done')} <Link to="/signin">{t('nav.signIn')}</Link>
          </p>
        </Notice>
      ) : (
        <form className="form form--panel" onSubmit={submit} noValidate>
          <FormAlert failure={failure} />
          {failure?.code === 'token_invalid' && (
            <p>
              <Link to="/forgot-password">{t('reset.askAgain')}</Link>
            </p>
          )}
          <TextField
            label={t('reset.newPassword')}
            hint={t('account.passwordHint', { count: minimumPasswordLength })}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errorFor(failure, 'password')}
            required
          />
          <TextField
            label={t('reset.confirmPassword')}
            type="password"
            autoComplete="new-password"
            value={confirmation}
            onChange={setConfirmation}
            error={mismatch ? t('reset.mismatch') : undefined}
            required
          />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('reset.submit')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
