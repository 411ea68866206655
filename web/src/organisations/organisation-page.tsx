import type { ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'react-router'
import { useSession } from '../accounts/session'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { formatDate, formatDateTime, formatEuros, formatNumber } from '../platform/format'
import { useApi } from '../platform/use-api'
import { localized, useLanguage } from '../platform/use-language'
import { TaxonomyLabels } from '../taxonomy/taxonomy-labels'
import { placeLabel } from './labels'
import { OrganisationUsers } from './organisation-users'
import type { Organisation } from './types'

export function OrganisationPage(): ReactElement {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const location = useLocation()
  const { data, error, loading } = useApi<{ organisation: Organisation }>(`/api/organisations/${encodeURIComponent(id)}`)
  const organisation = data?.organisation
  useDocumentTitle(organisation?.legalName)
  const justSaved = (location.state as { saved?: boolean } | null)?.saved === true

  if (error) return <ErrorMessage error={error} />
  if (!organisation) return loading ? <Loading /> : <></>
  return (
    <article className="page" data-testid="organisation-page">
      <nav className="breadcrumb" aria-label={t('common.breadcrumb')}>
        <Link to="/directory">{t('nav.directory')}</Link>
      </nav>
      <header className="page-header">
        <div>
          <p className="page-kicker">{t(`organisation.types.${organisation.type}`)}</p>
          <h1 data-testid="organisation-name">{organisation.legalName}</h1>
          {organisation.shortName && organisation.shortName !== organisation.legalName && <p className="page-subtitle">{organisation.shortName}</p>}
        </div>
        {organisation.canEdit && (
          <Link className="button" to={`/organisations/${organisation.id}/edit`} data-testid="edit-organisation">
            {t('common.edit')}
          </Link>
        )}
      </header>
      {justSaved && (
        <Notice tone="success" testId="saved">
          <p>{t('organisation.saved')}</p>
        </Notice>
      )}
      <div className="two-columns">
        <div>
          <Description organisation={organisation} />
          <section aria-labelledby="competences-title">
            <h2 id="competences-title">{t('organisation.competences')}</h2>
            {organisation.competences.length > 0 ? (
              <TaxonomyLabels codes={organisation.competences} testId="organisation-competences" />
            ) : (
              <p className="muted">{t('organisation.noCompetences')}</p>
            )}
            {organisation.keywords.length > 0 && (
              <>
                <h3>{t('organisation.keywords')}</h3>
                <ul className="chips" data-testid="organisation-keywords">
                  {organisation.keywords.map((keyword) => (
                    <li key={keyword} className="chip chip--plain">
                      {keyword}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <Memberships organisation={organisation} />
          <Contacts organisation={organisation} />
          {organisation.canEdit && <OrganisationUsers organisationId={organisation.id} />}
        </div>
        <aside>
          <SmeBox organisation={organisation} />
          <Facts organisation={organisation} />
        </aside>
      </div>
    </article>
  )
}

function Description({ organisation }: { organisation: Organisation }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const description = localized(language, organisation.descriptionIt, organisation.descriptionEn)
  const other = language === 'it' ? organisation.descriptionEn : organisation.descriptionIt
  return (
    <section aria-labelledby="description-title">
      <h2 id="description-title">{t('organisation.description')}</h2>
      {description ? (
        <p className="prose" data-testid="organisation-description">
          {description}
        </p>
      ) : (
        <p className="muted">{t('organisation.noDescription')}</p>
      )}
      {other && other !== description && (
        <details className="other-language">
          <summary>{t('organisation.otherLanguageDescription')}</summary>
          <p className="prose" lang={language === 'it' ? 'en' : 'it'}>
            {other}
          </p>
        </details>
      )}
    </section>
  )
}

function SmeBox({ organisation }: { organisation: Organisation }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { sme } = organisation
  return (
    <section className="facts facts--highlight" aria-labelledby="sme-title" data-testid="sme">
      <h2 id="sme-title">{t('organisation.smeTitle')}</h2>
      <p className="sme-class" data-testid="sme-class" data-size={sme.size ?? ''}>
        {sme.size ? t(`organisation.sizes.${sme.size}`) : t('organisation.sizes.unknown')}
      </p>
      {sme.reasons.length > 0 && (
        <ul className="reasons">
          {sme.reasons.map((reason) => (
            <li key={reason}>{reason}</li>
          ))}
        </ul>
      )}
      <dl>
        <dt>{t('organisation.headcount')}</dt>
        <dd>{organisation.headcount !== null ? formatNumber(language, organisation.headcount) : <NotStated />}</dd>
        <dt>{t('organisation.turnover')}</dt>
        <dd>{organisation.turnoverCents !== null ? formatEuros(language, organisation.turnoverCents) : <NotStated />}</dd>
        <dt>{t('organisation.balanceSheet')}</dt>
        <dd>{organisation.balanceSheetCents !== null ? formatEuros(language, organisation.balanceSheetCents) : <NotStated />}</dd>
      </dl>
      <p className="field-hint">{t('organisation.smeNote')}</p>
    </section>
  )
}

function NotStated(): ReactElement {
  const { t } = useTranslation()
  return <span className="muted">{t('common.notStated')}</span>
}

function Facts({ organisation }: { organisation: Organisation }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const address = [organisation.street, [organisation.postcode, placeLabel(organisation.city, organisation.provinceCode, organisation.country)].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ')
  return (
    <section className="facts" aria-labelledby="facts-title">
      <h2 id="facts-title">{t('organisation.facts')}</h2>
      <dl>
        <dt>{t('organisation.address')}</dt>
        <dd>{address || <NotStated />}</dd>
        <dt>{t('organisation.vatNumber')}</dt>
        <dd>{organisation.vatNumber ?? <NotStated />}</dd>
        <dt>{t('organisation.fiscalCode')}</dt>
        <dd>{organisation.fiscalCode ?? <NotStated />}</dd>
        <dt>{t('organisation.foundedYear')}</dt>
        <dd>{organisation.foundedYear ?? <NotStated />}</dd>
        <dt>{t('organisation.website')}</dt>
        <dd>
          {organisation.website ? (
            <a href={organisation.website} target="_blank" rel="noopener noreferrer">
              {organisation.website}
            </a>
          ) : (
            <NotStated />
          )}
        </dd>
        {organisation.nuts3 && (
          <>
            <dt>{t('organisation.nuts')}</dt>
            <dd>{[organisation.nuts2, organisation.nuts3].filter(Boolean).join(' · ')}</dd>
          </>
        )}
      </dl>
      <p className="field-hint">
        {t('organisation.source', { source: t(`organisation.sources.${organisation.source}`, { defaultValue: organisation.source }) })}
        <br />
        {t('organisation.updatedAt', { date: formatDateTime(language, organisation.updatedAt) })}
      </p>
    </section>
  )
}

function Memberships({ organisation }: { organisation: Organisation }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const memberships = [...organisation.memberships].sort((a, b) => b.since.localeCompare(a.since))
  return (
    <section aria-labelledby="memberships-title">
      <h2 id="memberships-title">{t('organisation.memberships')}</h2>
      {memberships.length === 0 ? (
        <p className="muted">{t('organisation.noMemberships')}</p>
      ) : (
        <ol className="timeline" data-testid="memberships">
          {memberships.map((membership) => (
            <li key={membership.id} className={membership.until ? 'timeline__item timeline__item--past' : 'timeline__item'}>
              <Link to={`/clusters/${membership.clusterSlug}`}>{localized(language, membership.clusterNameIt, membership.clusterNameEn)}</Link>
              <span className="timeline__period">
                {membership.until
                  ? t('organisation.period', { since: formatDate(language, membership.since), until: formatDate(language, membership.until) })
                  : t('organisation.periodOpen', { since: formatDate(language, membership.since) })}
              </span>
              <span className="badge">{membership.associated ? t('organisation.associated') : t('organisation.notAssociated')}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

function Contacts({ organisation }: { organisation: Organisation }): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  const location = useLocation()
  return (
    <section aria-labelledby="contacts-title">
      <h2 id="contacts-title">{t('organisation.contacts')}</h2>
      {!user ? (
        <p className="muted" data-testid="contacts-signin">
          <Link to="/signin" state={{ from: location.pathname }}>
            {t('organisation.contactsSignIn')}
          </Link>
        </p>
      ) : organisation.contacts.length === 0 ? (
        <p className="muted">{t('organisation.noContacts')}</p>
      ) : (
        <ul className="contact-list" data-testid="contacts">
          {organisation.contacts.map((contact) => (
            <li key={contact.id} className="contact">
              <p className="contact__name">{contact.fullName}</p>
              {contact.roleTitle && <p className="contact__role">{contact.roleTitle}</p>}
              {contact.email && (
                <p>
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </p>
              )}
              {contact.phone && (
                <p>
                  <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
