import { useRef, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../platform/api'
import { ErrorMessage, Loading } from '../../platform/feedback'
import { errorFor, Fieldset, FormAlert, SelectField, TextField, useSubmit } from '../../platform/forms'
import { useApi } from '../../platform/use-api'
import { useLanguage } from '../../platform/use-language'
import {
  attachmentKinds,
  attachmentLanguages,
  bytesToBase64,
  formatFileSize,
  localProblem,
  moved,
  titleFromFileName,
  type Attachment,
  type AttachmentKind,
  type AttachmentLanguage,
  type AttachmentList,
} from './attachment-logic'

type Draft = { titleIt: string; titleEn: string; kind: AttachmentKind; language: AttachmentLanguage }
const emptyDraft: Draft = { titleIt: '', titleEn: '', kind: 'call_text', language: 'it' }

/** The managers' side: upload (the file travels as base64 in JSON), retitle, reorder, delete. */
export function AttachmentsEditor({ callId }: { callId: string }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const path = `/api/calls/${encodeURIComponent(callId)}/attachments`
  const list = useApi<AttachmentList>(path)
  const action = useSubmit()
  const [file, setFile] = useState<File | null>(null)
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [localError, setLocalError] = useState<string | null>(null)
  const input = useRef<HTMLInputElement>(null)

  if (list.error) return <ErrorMessage error={list.error} />
  if (!list.data) return <Loading />
  const { items, limits } = list.data
  const kindOptions = attachmentKinds.map((kind) => ({ value: kind, label: t(`calls.attachments.kind.${kind}`) }))
  const languageOptions = attachmentLanguages.map((value) => ({ value, label: t(`calls.attachments.language.${value}`) }))
  const fieldError = (field: string): string | undefined => errorFor(action.failure, field)

  const choose = (chosen: File | null): void => {
    setFile(chosen)
    setLocalError(null)
    if (!chosen) return
    const problem = localProblem(language, chosen, limits, items.length)
    if (problem) setLocalError(t(`calls.attachments.problem.${problem.key}`, problem.params))
    const title = titleFromFileName(chosen.name)
    setDraft((current) => ({ ...current, titleIt: current.titleIt || title, titleEn: current.titleEn || title }))
  }

  const upload = (): Promise<void> =>
    action.run(async () => {
      if (!file || localError) return
      const contentBase64 = bytesToBase64(new Uint8Array(await file.arrayBuffer()))
      await api.post(path, { ...draft, fileName: file.name, contentBase64 })
      setFile(null)
      setDraft(emptyDraft)
      if (input.current) input.current.value = ''
      list.reload()
    })

  const reorder = (index: number, step: -1 | 1): Promise<void> =>
    action.run(async () => {
      const ids = moved(items, index, step).map((item) => item.id)
      list.replace(await api.put<AttachmentList>(`${path}/order`, { ids }))
    })

  const remove = (attachment: Attachment): Promise<void> =>
    action.run(async () => {
      if (!window.confirm(t('calls.attachments.confirmDelete', { name: attachment.fileName }))) return
      await api.del(`${path}/${attachment.id}`)
      list.reload()
    })

  return (
    <Fieldset legend={t('calls.attachments.title')}>
      <div data-testid="attachments-editor">
        <p className="field-hint">
          {t('calls.attachments.limits', { extensions: limits.extensions.map((item) => item.toUpperCase()).join(', '), max: formatFileSize(language, limits.maxBytes), count: limits.maxCount })}
        </p>
        <FormAlert failure={action.failure} testId="attachment-error" />
        {items.length > 0 && (
          <ol className="attachment-editor-list" data-testid="attachment-rows">
            {items.map((attachment, index) => (
              <AttachmentRow
                key={`${attachment.id}-${attachment.titleIt}-${attachment.titleEn}-${attachment.kind}-${attachment.language}`}
                attachment={attachment}
                first={index === 0}
                last={index === items.length - 1}
                busy={action.busy}
                kindOptions={kindOptions}
                languageOptions={languageOptions}
                onSave={(changes) =>
                  action.run(async () => {
                    await api.patch(`${path}/${attachment.id}`, changes)
                    list.reload()
                  })
                }
                onMove={(step) => reorder(index, step)}
                onDelete={() => remove(attachment)}
              />
            ))}
          </ol>
        )}
        <h3>{t('calls.attachments.add')}</h3>
        <div className="field">
          <label>
            {t('calls.attachments.file')}
            <input
              ref={input}
              type="file"
              accept={limits.extensions.map((extension) => `.${extension}`).join(',')}
              data-testid="attachment-file"
              onChange={(event) => choose(event.target.files?.[0] ?? null)}
            />
          </label>
          {localError && (
            <p className="field-error" data-testid="attachment-local-error">
              {localError}
            </p>
          )}
        </div>
        <div className="field-row">
          <TextField label={t('calls.attachments.titleIt')} value={draft.titleIt} onChange={(titleIt) => setDraft({ ...draft, titleIt })} error={fieldError('titleIt')} testId="attachment-title-it" />
          <TextField label={t('calls.attachments.titleEn')} value={draft.titleEn} onChange={(titleEn) => setDraft({ ...draft, titleEn })} error={fieldError('titleEn')} testId="attachment-title-en" />
        </div>
        <div className="field-row">
          <SelectField label={t('calls.attachments.kindLabel')} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind: kind as AttachmentKind })} options={kindOptions} testId="attachment-kind" />
          <SelectField label={t('calls.attachments.languageLabel')} value={draft.language} onChange={(value) => setDraft({ ...draft, language: value as AttachmentLanguage })} options={languageOptions} testId="attachment-language" />
        </div>
        <button type="button" className="button button--secondary" disabled={!file || Boolean(localError) || action.busy} onClick={() => void upload()} data-testid="attachment-upload">
          {action.busy ? t('calls.attachments.uploading') : t('calls.attachments.upload')}
        </button>
      </div>
    </Fieldset>
  )
}

function AttachmentRow(props: {
  attachment: Attachment
  first: boolean
  last: boolean
  busy: boolean
  kindOptions: { value: string; label: string }[]
  languageOptions: { value: string; label: string }[]
  onSave: (changes: Draft) => void
  onMove: (step: -1 | 1) => void
  onDelete: () => void
}): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { attachment } = props
  const [draft, setDraft] = useState<Draft>({ titleIt: attachment.titleIt, titleEn: attachment.titleEn, kind: attachment.kind, language: attachment.language })
  const changed = draft.titleIt !== attachment.titleIt || draft.titleEn !== attachment.titleEn || draft.kind !== attachment.kind || draft.language !== attachment.language
  return (
    <li className="contact-editor" data-testid="attachment-row">
      <p>
        <a href={attachment.downloadUrl} download={attachment.fileName}>
          {attachment.fileName}
        </a>{' '}
        <span className="muted">· {formatFileSize(language, attachment.sizeBytes)}</span>
      </p>
      <div className="field-row">
        <TextField label={t('calls.attachments.titleIt')} value={draft.titleIt} onChange={(titleIt) => setDraft({ ...draft, titleIt })} required testId="attachment-row-title-it" />
        <TextField label={t('calls.attachments.titleEn')} value={draft.titleEn} onChange={(titleEn) => setDraft({ ...draft, titleEn })} required testId="attachment-row-title-en" />
      </div>
      <div className="field-row">
        <SelectField label={t('calls.attachments.kindLabel')} value={draft.kind} onChange={(kind) => setDraft({ ...draft, kind: kind as AttachmentKind })} options={props.kindOptions} />
        <SelectField label={t('calls.attachments.languageLabel')} value={draft.language} onChange={(value) => setDraft({ ...draft, language: value as AttachmentLanguage })} options={props.languageOptions} />
      </div>
      <div className="form-actions">
        <button type="button" className="button button--secondary" disabled={!changed || props.busy} onClick={() => props.onSave(draft)} data-testid="attachment-save">
          {t('calls.attachments.saveTitles')}
        </button>
        <button type="button" className="button button--secondary" disabled={props.first || props.busy} onClick={() => props.onMove(-1)} aria-label={t('calls.attachments.moveUp', { name: attachment.fileName })} data-testid="attachment-up">
          ↑
        </button>
        <button type="button" className="button button--secondary" disabled={props.last || props.busy} onClick={() => props.onMove(1)} aria-label={t('calls.attachments.moveDown', { name: attachment.fileName })} data-testid="attachment-down">
          ↓
        </button>
        <button type="button" className="button button--secondary" disabled={props.busy} onClick={props.onDelete} data-testid="attachment-delete">
          {t('calls.attachments.delete')}
        </button>
      </div>
    </li>
  )
}
