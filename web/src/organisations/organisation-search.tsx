import { useId, useState, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { withQuery } from '../platform/api'
import { useApi } from '../platform/use-api'
import { useDebounced } from '../platform/use-debounced'
import type { OrganisationPage, OrganisationSummary } from './types'

/** Picks one organisation of the directory by typing part of its name. */
export function OrganisationSearch(props: {
  label: string
  selected: OrganisationSummary | null
  onSelect: (organisation: OrganisationSummary | null) => void
  error?: string | undefined
}): ReactElement {
  const { t } = useTranslation()
  const id = useId()
  const [query, setQuery] = useState('')
  const debounced = useDebounced(query.trim(), 250)
  const { data, loading } = useApi<OrganisationPage>(debounced.length >= 2 ? withQuery('/api/organisations', { q: debounced, pageSize: 8 }) : null)

  if (props.selected) {
    return (
      <div className="field">
        <span className="field-label">{props.label}</span>
        <p className="selected-item">
          <strong>{props.selected.legalName}</strong>
          <button type="button" className="link-button" onClick={() => props.onSelect(null)}>
            {t('common.change')}
          </button>
        </p>
      </div>
    )
  }
  return (
    <div className={`field${props.error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('members.searchHint')}
      </p>
      {props.error && <p className="field-error">{props.error}</p>}
      <input id={id} type="search" value={query} aria-describedby={`${id}-hint`} onChange={(event) => setQuery(event.target.value)} />
      {debounced.length >= 2 && (
        <ul className="search-results" aria-live="polite" aria-busy={loading}>
          {data?.items.map((organisation) => (
            <li key={organisation.id}>
              <button type="button" className="link-button" onClick={() => props.onSelect(organisation)}>
                {organisation.legalName}
                {organisation.city && <span className="muted"> · {organisation.city}</span>}
              </button>
            </li>
          ))}
          {data && data.items.length === 0 && <li className="muted">{t('directory.noResults')}</li>}
        </ul>
      )}
    </div>
  )
}
