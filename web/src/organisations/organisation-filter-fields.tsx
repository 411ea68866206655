import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useClusters } from '../districts/use-clusters'
import { SelectField } from '../platform/forms'
import { localized, useLanguage } from '../platform/use-language'
import { organisationTypes, sizeClasses, type OrganisationType, type SizeClass } from './types'
import { useGeography } from './use-geo'

/** The filters on organisations that the directory and the marketplace share; "any" is the empty value. */
type FilterProps<T extends string> = { label: string; value: T | ''; onChange: (value: T | '') => void; testId: string }

export function OrganisationTypeFilter({ label, value, onChange, testId }: FilterProps<OrganisationType>): ReactElement {
  const { t } = useTranslation()
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(type) => onChange(type as OrganisationType | '')}
      options={organisationTypes.map((type) => ({ value: type, label: t(`organisation.types.${type}`) }))}
      emptyLabel={t('common.any')}
      testId={testId}
    />
  )
}

export function SizeClassFilter({ label, value, onChange, testId }: FilterProps<SizeClass>): ReactElement {
  const { t } = useTranslation()
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(size) => onChange(size as SizeClass | '')}
      options={sizeClasses.map((size) => ({ value: size, label: t(`organisation.sizes.${size}`) }))}
      emptyLabel={t('common.any')}
      testId={testId}
    />
  )
}

/** A district or cluster, by slug. */
export function ClusterFilter({ label, value, onChange, testId }: FilterProps<string>): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const clusters = useClusters()
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={(clusters.data?.items ?? []).map((cluster) => ({ value: cluster.slug, label: localized(language, cluster.nameIt, cluster.nameEn) }))}
      emptyLabel={t('common.any')}
      testId={testId}
    />
  )
}

/** An Italian region, by NUTS 2 code. */
export function RegionFilter({ label, value, onChange, testId }: FilterProps<string>): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const geography = useGeography()
  return (
    <SelectField
      label={label}
      value={value}
      onChange={onChange}
      options={geography.regions.map((region) => ({ value: region.nuts2, label: localized(language, region.nameIt, region.nameEn) }))}
      emptyLabel={t('common.any')}
      testId={testId}
    />
  )
}
