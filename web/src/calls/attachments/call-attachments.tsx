import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../platform/use-api'
import { localized, useLanguage } from '../../platform/use-language'
import { formatFileSize, type AttachmentList } from './attachment-logic'

/** The call's documents as the call page lists them: title in the reader's language, kind, size, download. */
export function CallAttachments({ callId }: { callId: string }): ReactElement | null {
  const { t } = useTranslation()
  const language = useLanguage()
  const { data } = useApi<AttachmentList>(`/api/calls/${encodeURIComponent(callId)}/attachments`)
  if (!data || data.items.length === 0) return null
  return (
    <>
      <h2>{t('calls.attachments.title')}</h2>
      <ul className="attachment-list" data-testid="call-attachments">
        {data.items.map((attachment) => (
          <li key={attachment.id} data-testid="call-attachment">
            <a href={attachment.downloadUrl} download={attachment.fileName} data-testid="attachment-download">
              {localized(language, attachment.titleIt, attachment.titleEn)}
            </a>{' '}
            <span className="muted">
              · {t(`calls.attachments.kind.${attachment.kind}`)} · {t(`calls.attachments.language.${attachment.language}`)} ·{' '}
              <span data-testid="attachment-size">{formatFileSize(language, attachment.sizeBytes)}</span> · {attachment.fileName}
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}
