import { useEffect, useId, useRef, useState, type ChangeEvent, type ReactElement, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from './api'

/** What the server said about the last submission: a message, and the field it names if any. */
export type FormFailure = { message: string; field: string | undefined; status: number; code: string }

export function toFailure(error: unknown): FormFailure {
  if (error instanceof ApiError) return { message: error.message, field: error.field, status: error.status, code: error.code }
  return { message: error instanceof Error ? error.message : String(error), field: undefined, status: 0, code: 'client' }
}

/** The server's field is a dotted path ("contacts.1.email"); a form field matches it or any of its parents. */
export function errorFor(failure: FormFailure | null, field: string): string | undefined {
  if (!failure?.field) return undefined
  return failure.field === field || failure.field.startsWith(`${field}.`) ? failure.message : undefined
}

export type SubmitState = {
  busy: boolean
  failure: FormFailure | null
  run: (action: () => Promise<void>) => Promise<void>
}

export function useSubmit(): SubmitState {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<FormFailure | null>(null)
  const run = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true)
    setFailure(null)
    try {
      await action()
    } catch (error) {
      setFailure(toFailure(error))
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, run }
}

type FieldFrame = { label: string; hint?: string | undefined; error?: string | undefined; required?: boolean }

function FieldText({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }): ReactElement {
  return (
    <>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`} data-testid="field-error">
          {error}
        </p>
      )}
    </>
  )
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

function RequiredMark({ required }: { required?: boolean | undefined }): ReactElement | null {
  const { t } = useTranslation()
  if (!required) return null
  return (
    <span className="required" aria-hidden="true" title={t('form.required')}>
      {' *'}
    </span>
  )
}

export function TextField(
  props: FieldFrame & {
    value: string
    onChange: (value: string) => void
    type?: 'text' | 'email' | 'password' | 'url' | 'tel' | 'search' | 'number' | 'date'
    name?: string
    autoComplete?: string
    inputMode?: 'numeric' | 'decimal' | 'text' | 'email' | 'tel' | 'url'
    testId?: string
    maxLength?: number
    placeholder?: string
  },
): ReactElement {
  const id = useId()
  const { label, hint, error, required, value, onChange, type = 'text', testId } = props
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <input
        id={id}
        type={type}
        name={props.name}
        value={value}
        required={required}
        autoComplete={props.autoComplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      />
    </div>
  )
}

export function TextArea(
  props: FieldFrame & { value: string; onChange: (value: string) => void; rows?: number; testId?: string; lang?: string },
): ReactElement {
  const id = useId()
  const { label, hint, error, required, value, onChange, rows = 5, testId } = props
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <textarea
        id={id}
        rows={rows}
        value={value}
        lang={props.lang}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  )
}

export type Option = { value: string; label: string }

export function SelectField(
  props: FieldFrame & { value: string; onChange: (value: string) => void; options: Option[]; testId?: string; emptyLabel?: string },
): ReactElement {
  const id = useId()
  const { label, hint, error, required, value, onChange, options, testId, emptyLabel } = props
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        <RequiredMark required={required} />
      </label>
      <FieldText id={id} hint={hint} error={error} />
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function Checkbox(props: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  testId?: string
  hint?: string
}): ReactElement {
  const id = useId()
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        data-testid={props.testId}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      {props.hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
    </div>
  )
}

/** The server's answer to a failed submission, announced to screen readers and shown above the form. */
/** Moves the keyboard focus to an alert each time a new failure is shown, so that it is read out first. */
export function useFocusOnFailure(failure: FormFailure | null): RefObject<HTMLDivElement | null> {
  const alert = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (failure) alert.current?.focus()
  }, [failure])
  return alert
}

export function FormAlert({ failure, testId = 'form-error' }: { failure: FormFailure | null; testId?: string }): ReactElement | null {
  const { t } = useTranslation()
  const alert = useFocusOnFailure(failure)
  if (!failure) return null
  return (
    <div className="alert alert--error" role="alert" tabIndex={-1} ref={alert} data-testid={testId} data-code={failure.code}>
      <p className="alert__title">{t('form.failed')}</p>
      <p>{failure.message}</p>
    </div>
  )
}

export function Fieldset({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }): ReactElement {
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
    </fieldset>
  )
}
