import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../platform/api'
import { Notice, useDocumentTitle } from '../platform/feedback'
import { errorFor, FormAlert, TextField, useSubmit } from '../platform/forms'

export function ForgotPasswordPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('forgot.title'))
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const { busy, failure, run } = useSubmit()
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    void run(async () => {
      await api.post('/api/auth/password-reset', { email: email.trim() })
      setSent(true)
    })
  }
  return (
    <div className="page page--narrow">
      <h1>{t('forgot.title')}</h1>
      {sent ? (
        <Notice tone="success" testId="reset-sent">
          <p>{t('forgot.sent', { email: email.trim() })}</p>
        </Notice>
      ) : (
        <form className="form form--panel" onSubmit={submit} noValidate>
          <p>{t('forgot.lead')}</p>
          <FormAlert failure={failure} />
          <TextField label={t('account.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={errorFor(failure, 'email')} required />
          <div className="form-actions">
            <button type="submit" className="button" disabled={busy}>
              {t('forgot.submit')}
            </button>
          </div>
        </form>
      )}
      <p>
        <Link to="/signin">{t('forgot.back')}</Link>
      </p>
    </div>
  )
}
