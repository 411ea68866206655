import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '../platform/forms'
import { flattenTree } from './tree'
import { useTaxonomy } from './use-taxonomy'

const indent = '\u00a0\u00a0\u00a0\u00a0'

/** One node of the tree, chosen in a native select whose options are indented by depth. */
export function TaxonomySelect(props: { label: string; value: string; onChange: (code: string) => void; testId?: string; hint?: string }): ReactElement {
  const { t } = useTranslation()
  const { tree, label } = useTaxonomy()
  const options = flattenTree(tree).map(({ node, depth }) => ({ value: node.code, label: `${indent.repeat(depth)}${label(node.code)}` }))
  return (
    <SelectField
      label={props.label}
      hint={props.hint}
      value={props.value}
      onChange={props.onChange}
      options={options}
      emptyLabel={t('common.any')}
      testId={props.testId}
    />
  )
}
