import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorMessage, Loading, useDocumentTitle } from '../platform/feedback'
import { formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { useLanguage } from '../platform/use-language'
import type { OrganisationPage } from '../organisations/types'
import { ClusterGroups } from './cluster-cards'
import { useClusters } from './use-clusters'

export function HomePage(): ReactElement {
  const { t } = useTranslation()
  useDocumentTitle(undefined)
  const clusters = useClusters()
  return (
    <div className="home">
      <section className="hero" aria-labelledby="hero-title">
        <div className="hero__text">
          <h1 id="hero-title">{t('home.title')}</h1>
          <p className="hero__lead">{t('home.intro1')}</p>
          <p>{t('home.intro2')}</p>
        </div>
        <HomeSearch />
      </section>
      {clusters.error && <ErrorMessage error={clusters.error} />}
      {clusters.loading && <Loading />}
      {clusters.data && <ClusterGroups clusters={clusters.data.items} />}
    </div>
  )
}

function HomeSearch(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const navigate = useNavigate()
  const [query, setQuery] = useState('')
  const directory = useApi<OrganisationPage>('/api/organisations?pageSize=1')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    const q = query.trim()
    navigate(q ? `/directory?${new URLSearchParams({ q }).toString()}` : '/directory')
  }
  return (
    <form className="hero__search" role="search" onSubmit={submit} data-testid="home-search">
      <label htmlFor="home-search-input" className="hero__search-label">
        {t('home.searchLabel')}
      </label>
      <div className="search-row">
        <input
          id="home-search-input"
          type="search"
          value={query}
          placeholder={t('home.searchPlaceholder')}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button">
          {t('home.searchButton')}
        </button>
      </div>
      {directory.data && (
        <p className="hero__search-hint">
          {t('home.directoryCount', { count: directory.data.total, formatted: formatNumber(language, directory.data.total) })}
        </p>
      )}
    </form>
  )
}
