import { useId, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Loading } from '../platform/feedback'
import type { TaxonomyTree } from './tree'
import { useTaxonomy } from './use-taxonomy'

/** Several nodes of the tree, as checkboxes grouped under each priority area. */
export function TaxonomyPicker(props: {
  legend: string
  hint?: string
  value: string[]
  onChange: (codes: string[]) => void
  error?: string | undefined
  testId?: string
}): ReactElement {
  const { t } = useTranslation()
  const { tree, loading } = useTaxonomy()
  const errorId = useId()
  const selected = new Set(props.value)
  const toggle = (code: string, checked: boolean): void => {
    const next = new Set(selected)
    if (checked) next.add(code)
    else next.delete(code)
    props.onChange(tree.length > 0 ? orderLikeTree(tree, next) : [...next])
  }
  return (
    <fieldset
      className={`fieldset taxonomy-picker${props.error ? ' field--invalid' : ''}`}
      data-testid={props.testId}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      {props.hint && <p className="field-hint">{props.hint}</p>}
      {props.error && (
        <p className="field-error" id={errorId} data-testid="field-error">
          {props.error}
        </p>
      )}
      <p className="taxonomy-picker__count" aria-live="polite">
        {t('taxonomy.selectedCount', { count: selected.size })}
      </p>
      {loading && <Loading />}
      {tree.map((root) => (
        <PickerGroup key={root.node.code} root={root} selected={selected} onToggle={toggle} />
      ))}
    </fieldset>
  )
}

function PickerGroup(props: { root: TaxonomyTree; selected: Set<string>; onToggle: (code: string, checked: boolean) => void }): ReactElement {
  const { t } = useTranslation()
  const { label } = useTaxonomy()
  const { root, selected, onToggle } = props
  const chosenInGroup = [root, ...root.children].filter((entry) => selected.has(entry.node.code)).length
  return (
    <details className="taxonomy-picker__group" open={chosenInGroup > 0}>
      <summary>
        {label(root.node.code)}
        {chosenInGroup > 0 && <span className="badge">{t('taxonomy.selectedCount', { count: chosenInGroup })}</span>}
      </summary>
      <ul>
        {[root, ...root.children].map((entry) => (
          <li key={entry.node.code} className={entry === root ? 'taxonomy-picker__root' : undefined}>
            <label>
              <input
                type="checkbox"
                value={entry.node.code}
                checked={selected.has(entry.node.code)}
                onChange={(event) => onToggle(entry.node.code, event.target.checked)}
              />
              {entry === root ? t('taxonomy.wholeArea', { area: label(entry.node.code) }) : label(entry.node.code)}
              <span className="code">{entry.node.code}</span>
            </label>
          </li>
        ))}
      </ul>
    </details>
  )
}

function orderLikeTree(tree: TaxonomyTree[], codes: Set<string>): string[] {
  const ordered: string[] = []
  const visit = (entries: TaxonomyTree[]): void => {
    for (const entry of entries) {
      if (codes.has(entry.node.code)) ordered.push(entry.node.code)
      visit(entry.children)
    }
  }
  visit(tree)
  for (const code of codes) if (!ordered.includes(code)) ordered.push(code)
  return ordered
}
