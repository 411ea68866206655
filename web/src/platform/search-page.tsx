import { useEffect, useState, type FormEvent, type ReactElement, type ReactNode } from 'react'
import { useSearchParams } from 'react-router'
import { filtersToSearch } from './address-filters'

/**
 * A search page's filters, read from the address bar, and a way to change some of them (back to the first
 * page unless the change says otherwise).
 */
export function useAddressFilters<F extends { page: number } & Record<string, string | number>>(
  fromSearch: (params: URLSearchParams) => F,
): [F, (changes: Partial<F>) => void] {
  const [searchParams, setSearchParams] = useSearchParams()
  // Read the address bar itself, not this render's copy: two quick changes must not undo each other.
  const apply = (changes: Partial<F>): void => {
    const latest = fromSearch(new URLSearchParams(window.location.search))
    setSearchParams(filtersToSearch({ ...latest, page: 1, ...changes }))
  }
  return [fromSearch(searchParams), apply]
}

/** The text search above a result list. `name` prefixes the ids and test ids (`name-q`, `name-submit`). */
export function SearchBox(props: {
  name: string
  value: string
  onSearch: (q: string) => void
  label: string
  hint: string
  button: string
}): ReactElement {
  const { name, value, onSearch, label, hint, button } = props
  const [text, setText] = useState(value)
  useEffect(() => setText(value), [value])
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSearch(text.trim())
  }
  return (
    <form role="search" className="search-form" onSubmit={submit} data-testid={`${name}-search`}>
      <label htmlFor={`${name}-q`} className="search-form__label">
        {label}
      </label>
      <p className="field-hint" id={`${name}-q-hint`}>
        {hint}
      </p>
      <div className="search-row">
        <input id={`${name}-q`} type="search" value={text} aria-describedby={`${name}-q-hint`} data-testid={`${name}-q`} onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button" data-testid={`${name}-submit`}>
          {button}
        </button>
      </div>
    </form>
  )
}

/** Filters stay open beside the results on wide screens; on a phone they fold above the results. */
export function FiltersPanel({ title, activeBadge, children }: { title: string; activeBadge: string | null; children: ReactNode }): ReactElement {
  const [wide] = useState(() => window.matchMedia('(min-width: 901px)').matches)
  return (
    <details className="filters" open={wide} data-testid="filters">
      <summary className="filters__title" onClick={(event) => wide && event.preventDefault()}>
        <h2>{title}</h2>
        {activeBadge !== null && <span className="badge">{activeBadge}</span>}
      </summary>
      {children}
    </details>
  )
}
