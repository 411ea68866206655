import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useClusters } from '../districts/use-clusters'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { placeLabel } from './labels'
import type { OrganisationSummary } from './types'

export function OrganisationCard({ organisation }: { organisation: OrganisationSummary }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { bySlug } = useClusters()
  const place = placeLabel(organisation.city, organisation.provinceCode, organisation.country)
  const description = localized(language, organisation.descriptionIt, organisation.descriptionEn)
  return (
    <li className="result-card" data-testid="result-card" data-id={organisation.id}>
      <h3 className="result-card__title">
        <Link to={`/organisations/${organisation.id}`} data-testid="result-link">
          {organisation.legalName}
        </Link>
        {organisation.shortName && organisation.shortName !== organisation.legalName && (
          <span className="result-card__short"> · {organisation.shortName}</span>
        )}
      </h3>
      <p className="result-card__meta">
        <span className="badge badge--type">{t(`organisation.types.${organisation.type}`)}</span>
        {organisation.sizeClass && <span className="badge">{t(`organisation.sizes.${organisation.sizeClass}`)}</span>}
        {place && <span className="result-card__place">{place}</span>}
      </p>
      {description && <p className="result-card__description">{description}</p>}
      <TaxonomyLabels codes={organisation.competences} linked={false} />
      {organisation.clusters.length > 0 && (
        <p className="result-card__clusters">
          <span className="visually-hidden">{t('organisation.memberOf')} </span>
          {organisation.clusters.map((slug) => bySlug.get(slug)?.shortName ?? slug).join(' · ')}
        </p>
      )}
    </li>
  )
}
