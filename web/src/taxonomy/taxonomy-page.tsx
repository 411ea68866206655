import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { useReference } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import { buildTree, type TaxonomyTree } from './tree'
import type { TaxonomyNode } from './types'

export function TaxonomyPage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(t('nav.taxonomy'))
  const { data, error, loading } = useReference<{ items: TaxonomyNode[] }>('/api/taxonomy')
  return (
    <div className="page">
      <h1>{t('taxonomy.title')}</h1>
      <p className="page-lead">{t('taxonomy.lead')}</p>
      {error && <ErrorMessage error={error} />}
      {loading && <Loading />}
      {data && (
        <ul className="taxonomy-tree" data-testid="taxonomy-tree">
          {buildTree(data.items).map((root) => (
            <TreeItem key={root.node.code} entry={root} />
          ))}
        </ul>
      )}
    </div>
  )
}

function TreeItem({ entry }: { entry: TaxonomyTree }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { node } = entry
  const [primary, secondary, secondaryLang] =
    language === 'en' ? [node.labelEn, node.labelIt, 'it'] : [node.labelIt, node.labelEn, 'en']
  return (
    <li className={node.parentCode ? 'taxonomy-tree__leaf' : 'taxonomy-tree__root'} data-code={node.code}>
      <div className="taxonomy-tree__node">
        <span className="code">{node.code}</span>
        <span className="taxonomy-tree__labels">
          <span className="taxonomy-tree__primary">{primary}</span>
          <span className="taxonomy-tree__secondary" lang={secondaryLang}>
            {secondary}
          </span>
        </span>
        <Link className="taxonomy-tree__link" to={`/directory?taxonomy=${encodeURIComponent(node.code)}`}>
          {t('taxonomy.findOrganisations')}
        </Link>
      </div>
      {entry.children.length > 0 && (
        <ul>
          {entry.children.map((child) => (
            <TreeItem key={child.node.code} entry={child} />
          ))}
        </ul>
      )}
    </li>
  )
}
