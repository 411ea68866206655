import type { ReactElement } from 'react'
import { Link } from 'react-router'
import { useTaxonomy } from './use-taxonomy'

/** Taxonomy codes shown as labels, each linking to the organisations that declare it. */
export function TaxonomyLabels({ codes, testId, linked = true }: { codes: string[]; testId?: string; linked?: boolean }): ReactElement | null {
  const { label } = useTaxonomy()
  if (codes.length === 0) return null
  return (
    <ul className="chips" data-testid={testId}>
      {codes.map((code) => (
        <li key={code} className="chip" title={code}>
          {linked ? <Link to={`/directory?taxonomy=${encodeURIComponent(code)}`}>{label(code)}</Link> : label(code)}
        </li>
      ))}
    </ul>
  )
}
