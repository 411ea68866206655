import { useId, useState, type KeyboardEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { addKeywords } from './organisation-form'

export function KeywordsEditor(props: { value: string[]; onChange: (keywords: string[]) => void; error?: string | undefined }): ReactElement {
  const { t } = useTranslation()
  const id = useId()
  const [typed, setTyped] = useState('')
  const add = (): void => {
    props.onChange(addKeywords(props.value, typed))
    setTyped('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault()
      add()
    }
  }
  return (
    <fieldset className={`fieldset${props.error ? ' field--invalid' : ''}`} data-testid="field-keywords">
      <legend>{t('organisation.keywords')}</legend>
      {props.error && <p className="field-error">{props.error}</p>}
      {props.value.length > 0 && (
        <ul className="chips">
          {props.value.map((keyword) => (
            <li key={keyword} className="chip chip--removable">
              {keyword}
              <button
                type="button"
                aria-label={t('organisationForm.removeKeyword', { keyword })}
                onClick={() => props.onChange(props.value.filter((other) => other !== keyword))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={id}>{t('organisationForm.addKeyword')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('organisationForm.keywordsHint')}
      </p>
      <div className="search-row">
        <input id={id} value={typed} aria-describedby={`${id}-hint`} onChange={(event) => setTyped(event.target.value)} onKeyDown={onKeyDown} maxLength={200} />
        <button type="button" className="button button--secondary" onClick={add} disabled={typed.trim() === ''}>
          {t('common.add')}
        </button>
      </div>
    </fieldset>
  )
}
