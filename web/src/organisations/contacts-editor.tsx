import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { errorFor, TextField, type FormFailure } from '../platform/forms'
import { newContact, type ContactState } from './organisation-form'

export function ContactsEditor(props: { value: ContactState[]; onChange: (contacts: ContactState[]) => void; failure: FormFailure | null }): ReactElement {
  const { t } = useTranslation()
  const { value, onChange, failure } = props
  const update = (key: string, changes: Partial<ContactState>): void =>
    onChange(value.map((contact) => (contact.key === key ? { ...contact, ...changes } : contact)))
  return (
    <fieldset className="fieldset" data-testid="field-contacts">
      <legend>{t('organisation.contacts')}</legend>
      <p className="field-hint">{t('organisationForm.contactsHint')}</p>
      {errorFor(failure, 'contacts') && failure?.field === 'contacts' && <p className="field-error">{failure.message}</p>}
      {value.map((contact, index) => {
        const error = (field: string): string | undefined => errorFor(failure, `contacts.${index}.${field}`)
        return (
          <div key={contact.key} className="contact-editor" role="group" aria-label={t('organisationForm.contactNumber', { number: index + 1 })}>
            <p className="contact-editor__title">{t('organisationForm.contactNumber', { number: index + 1 })}</p>
            <div className="field-row">
              <TextField label={t('organisationForm.contactName')} value={contact.fullName} onChange={(fullName) => update(contact.key, { fullName })} error={error('fullName')} required />
              <TextField label={t('organisationForm.contactRole')} value={contact.roleTitle} onChange={(roleTitle) => update(contact.key, { roleTitle })} error={error('roleTitle')} />
            </div>
            <div className="field-row">
              <TextField label={t('account.email')} type="email" value={contact.email} onChange={(email) => update(contact.key, { email })} error={error('email')} />
              <TextField label={t('organisationForm.contactPhone')} type="tel" value={contact.phone} onChange={(phone) => update(contact.key, { phone })} error={error('phone')} />
            </div>
            <button type="button" className="link-button link-button--danger" onClick={() => onChange(value.filter((other) => other.key !== contact.key))}>
              {t('organisationForm.removeContact', { number: index + 1 })}
            </button>
          </div>
        )
      })}
      <button type="button" className="button button--secondary" onClick={() => onChange([...value, newContact()])} disabled={value.length >= 20} data-testid="add-contact">
        {t('organisationForm.addContact')}
      </button>
    </fieldset>
  )
}
