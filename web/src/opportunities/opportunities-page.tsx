import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { useSession } from '../accounts/session'
import { SignInRequired } from '../accounts/sign-in-required'
import { api, withQuery } from '../platform/api'
import { ErrorMessage, Loading, Notice, useDocumentTitle } from '../platform/feedback'
import { Checkbox, FormAlert, SelectField, TextArea, TextField, useSubmit } from '../platform/forms'
import { formatDate, formatNumber } from '../platform/format'
import { Pagination } from '../platform/pagination'
import { useApi } from '../platform/use-api'
import { useDebounced } from '../platform/use-debounced'
import { useLanguage } from '../platform/use-language'
import { romeToday } from '../../../src/platform/rome-time'
import { budgetText, consortiumLink, daysUntil } from './topic-view'
import { topicStatuses, type DistrictRef, type MineResponse, type Reason, type TopicPage, type TopicSummary } from './types'

const pageSize = 20

/** EU Funding & Tenders topics: all of them with filters, or those that fit my organisation. */
export function OpportunitiesPage(): ReactElement {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const view = params.get('view') === 'mine' ? 'mine' : 'all'
  useDocumentTitle(t('opportunities.title'))
  const choose = (next: 'all' | 'mine'): void => setParams(next === 'mine' ? { view: 'mine' } : {})

  return (
    <section className="page" data-testid="opportunities-page">
      <header className="page-header">
        <div>
          <h1>{t('opportunities.title')}</h1>
          <p className="page-lead">{t('opportunities.lead')}</p>
        </div>
      </header>
      <div role="group" aria-label={t('opportunities.views.label')} className="topic-views">
        <button type="button" className={view === 'all' ? 'button' : 'button button--secondary'} aria-pressed={view === 'all'} data-testid="view-all" onClick={() => choose('all')}>
          {t('opportunities.views.all')}
        </button>
        <button type="button" className={view === 'mine' ? 'button' : 'button button--secondary'} aria-pressed={view === 'mine'} data-testid="view-mine" onClick={() => choose('mine')}>
          {t('opportunities.views.mine')}
        </button>
      </div>
      {view === 'mine' ? <MyTopics /> : <AllTopics />}
    </section>
  )
}

function AllTopics(): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const [params, setParams] = useSearchParams()
  const filters = {
    status: params.get('status') ?? 'open',
    programme: params.get('programme') ?? '',
    deadlineFrom: params.get('deadlineFrom') ?? '',
    deadlineTo: params.get('deadlineTo') ?? '',
    q: params.get('q') ?? '',
  }
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const [text, setText] = useState(filters.q)
  const q = useDebounced(text.trim(), 300)
  const update = (changes: Partial<typeof filters> & { page?: number }): void => {
    const next = { ...filters, q, ...changes }
    const values: Record<string, string> = {}
    for (const [key, value] of Object.entries(next)) if (value !== '' && !(key === 'status' && value === 'open')) values[key] = String(value)
    if (changes.page && changes.page > 1) values.page = String(changes.page)
    setParams(values)
  }
  const status = filters.status === 'any' ? '' : filters.status
  const { data, error, loading, reload } = useApi<TopicPage>(
    withQuery('/api/opportunities/topics', { status, programme: filters.programme, deadlineFrom: filters.deadlineFrom, deadlineTo: filters.deadlineTo, q, page, pageSize }),
  )

  return (
    <div className="directory__layout">
      <form className="filters" role="search" aria-label={t('opportunities.filters.title')} onSubmit={(event: FormEvent) => event.preventDefault()}>
        <h2 className="filters__title">{t('opportunities.filters.title')}</h2>
        <TextField label={t('opportunities.filters.text')} type="search" value={text} onChange={setText} testId="filter-text" maxLength={200} hint={t('opportunities.filters.textHint')} />
        <SelectField
          label={t('opportunities.filters.status')}
          value={status}
          onChange={(value) => update({ status: value === '' ? 'any' : value, page: 1 })}
          emptyLabel={t('opportunities.filters.anyStatus')}
          testId="filter-status"
          options={topicStatuses.map((option) => ({ value: option, label: t(`opportunities.status.${option}`) }))}
        />
        <SelectField
          label={t('opportunities.filters.programme')}
          value={filters.programme}
          onChange={(programme) => update({ programme, page: 1 })}
          emptyLabel={t('opportunities.filters.anyProgramme')}
          testId="filter-programme"
          options={(data?.programmes ?? []).map((programme) => ({ value: programme.name, label: `${programme.name} (${programme.count})` }))}
        />
        <TextField label={t('opportunities.filters.deadlineFrom')} type="date" value={filters.deadlineFrom} onChange={(deadlineFrom) => update({ deadlineFrom, page: 1 })} testId="filter-from" />
        <TextField label={t('opportunities.filters.deadlineTo')} type="date" value={filters.deadlineTo} onChange={(deadlineTo) => update({ deadlineTo, page: 1 })} testId="filter-to" />
      </form>
      <section aria-busy={loading} aria-live="polite">
        {error && <ErrorMessage error={error} />}
        {!data && loading && <Loading />}
        {data && (
          <>
            <h2 className="results-title" data-testid="topics-total">
              {t('opportunities.results', { count: data.total, formatted: formatNumber(language, data.total) })}
            </h2>
            {data.items.length === 0 && <p className="muted">{t('opportunities.empty')}</p>}
            <ul className="result-list" data-testid="topics-list">
              {data.items.map((topic) => (
                <TopicCard key={topic.id} topic={topic} districts={data.flaggableDistricts} onChanged={reload} />
              ))}
            </ul>
            <Pagination page={page} total={data.total} pageSize={pageSize} onPage={(next) => update({ page: next })} />
          </>
        )}
      </section>
    </div>
  )
}

function MyTopics(): ReactElement {
  const { t } = useTranslation()
  const { user } = useSession()
  const [params, setParams] = useSearchParams()
  const organisationId = params.get('organisation') ?? ''
  const forthcoming = params.get('forthcoming') === 'true'
  const highlighted = params.get('topic')
  const { data, error, loading, reload } = useApi<MineResponse>(
    user ? withQuery('/api/opportunities/mine', { organisationId, forthcoming: forthcoming ? 'true' : undefined }) : null,
  )
  const topics = useApi<TopicPage>(user && user.managedClusters.length > 0 ? '/api/opportunities/topics?pageSize=1' : null)
  if (!user) return <SignInRequired title={t('opportunities.views.mine')} message={t('opportunities.mine.signIn')} />
  if (error) return <ErrorMessage error={error} />
  if (!data) return loading ? <Loading /> : <></>
  const update = (changes: Record<string, string>): void => setParams({ view: 'mine', ...(organisationId ? { organisation: organisationId } : {}), ...(forthcoming ? { forthcoming: 'true' } : {}), ...changes })

  if (!data.organisation) return <Notice testId="mine-no-organisation">{t('opportunities.mine.noOrganisation')}</Notice>
  return (
    <section aria-busy={loading} data-testid="mine">
      <p className="page-lead">{t('opportunities.mine.lead', { organisation: data.organisation.name })}</p>
      {data.organisations.length > 1 && (
        <SelectField
          label={t('opportunities.mine.organisation')}
          value={data.organisation.id}
          onChange={(organisation) => update({ organisation })}
          testId="mine-organisation"
          options={data.organisations.map((organisation) => ({ value: organisation.id, label: organisation.name }))}
        />
      )}
      <Checkbox
        label={t('opportunities.mine.forthcoming')}
        checked={forthcoming}
        onChange={(checked) => setParams({ view: 'mine', ...(organisationId ? { organisation: organisationId } : {}), ...(checked ? { forthcoming: 'true' } : {}) })}
        testId="mine-forthcoming"
      />
      {data.items.length === 0 && <p className="muted" data-testid="mine-empty">{t('opportunities.mine.empty')}</p>}
      <ul className="result-list" data-testid="mine-list">
        {data.items.map((item) => (
          <TopicCard
            key={item.topic.id}
            topic={item.topic}
            score={item.score}
            reasons={item.reasons}
            districts={topics.data?.flaggableDistricts ?? []}
            onChanged={reload}
            highlighted={item.topic.id === highlighted}
          />
        ))}
      </ul>
    </section>
  )
}

function TopicCard(props: { topic: TopicSummary; score?: number; reasons?: Reason[]; districts: DistrictRef[]; onChanged: () => void; highlighted?: boolean }): ReactElement {
  const { t } = useTranslation()
  const language = useLanguage()
  const { user } = useSession()
  const { topic } = props
  const card = useRef<HTMLLIElement>(null)
  // A notification links to the topic it is about: bring it into view.
  useEffect(() => {
    if (props.highlighted) card.current?.scrollIntoView({ block: 'start' })
  }, [props.highlighted])
  const budget = budgetText(language, topic)
  const daysLeft = topic.deadline ? daysUntil(romeToday(), topic.deadline) : null
  return (
    <li ref={card} className={props.highlighted ? 'result-card topic-card--highlighted' : 'result-card'} data-testid="topic-card" data-identifier={topic.identifier}>
      <p className="result-card__meta">
        <span className={`badge badge--${topic.status}`} data-testid="topic-status">{t(`opportunities.status.${topic.status}`)}</span>{' '}
        <span className="badge">{topic.programmePart ? `${topic.programme} · ${topic.programmePart}` : topic.programme}</span>{' '}
        {topic.actionType && <span className="badge">{topic.actionType}</span>}
        {props.score !== undefined && (
          <>
            {' '}
            <span className="badge" data-testid="topic-score">{t('opportunities.score', { score: formatNumber(language, props.score) })}</span>
          </>
        )}
      </p>
      <h3 className="result-card__title" data-testid="topic-title">{topic.title}</h3>
      <p className="result-card__short muted">{topic.identifier}{topic.callTitle ? ` · ${topic.callTitle}` : ''}</p>
      <dl className="topic-facts">
        <dt>{t('opportunities.deadline')}</dt>
        <dd data-testid="topic-deadline">
          {topic.deadline ? formatDate(language, topic.deadline) : t('opportunities.noDeadline')}
          {daysLeft !== null && daysLeft >= 0 && topic.status !== 'closed' && <> ({t('opportunities.daysLeft', { count: daysLeft })})</>}
          {topic.deadlineModel && <> · {topic.deadlineModel}</>}
        </dd>
        {topic.status === 'forthcoming' && topic.opensOn && (
          <>
            <dt>{t('opportunities.opensOn')}</dt>
            <dd>{formatDate(language, topic.opensOn)}</dd>
          </>
        )}
        <dt>{t('opportunities.budget')}</dt>
        <dd data-testid="topic-budget">
          {budget ?? t('opportunities.budgetUnknown')}
          {topic.expectedGrants !== null && <> · {t('opportunities.expectedGrants', { count: topic.expectedGrants, formatted: formatNumber(language, topic.expectedGrants) })}</>}
        </dd>
      </dl>
      {topic.keywords.length > 0 && <p className="topic-keywords">{topic.keywords.join(' · ')}</p>}
      {props.reasons && props.reasons.length > 0 && (
        <div className="topic-reasons" data-testid="topic-reasons">
          <p className="field-hint">{t('opportunities.why')}</p>
          <ul>
            {props.reasons.map((reason, index) => (
              <li key={index} data-testid="topic-reason">{reason.text}</li>
            ))}
          </ul>
        </div>
      )}
      {topic.flags.map((flag) => (
        <Notice key={flag.district.id} tone="success" testId="topic-flag">
          <strong>{t('opportunities.flag.by', { district: flag.district.name, when: formatDate(language, flag.flaggedAt) })}</strong>
          {flag.note && <> — {flag.note}</>}
        </Notice>
      ))}
      <p className="topic-actions">
        {topic.portalUrl && (
          <a href={topic.portalUrl} target="_blank" rel="noreferrer noopener" data-testid="topic-portal">
            {t('opportunities.portal')}
          </a>
        )}
        {user && topic.status !== 'closed' && (
          <Link className="button button--secondary" to={consortiumLink(topic)} data-testid="topic-consortium">
            {t('opportunities.consortium')}
          </Link>
        )}
      </p>
      {topic.status !== 'closed' && props.districts.length > 0 && <FlagForm topic={topic} districts={props.districts} onChanged={props.onChanged} />}
    </li>
  )
}

/** A district manager flags the topic to the district's members, or withdraws the flag. */
function FlagForm(props: { topic: TopicSummary; districts: DistrictRef[]; onChanged: () => void }): ReactElement {
  const { t } = useTranslation()
  const submit = useSubmit()
  const [open, setOpen] = useState(false)
  const [district, setDistrict] = useState(props.districts[0]?.slug ?? '')
  const [note, setNote] = useState('')
  const [done, setDone] = useState(false)
  const flagged = new Set(props.topic.flags.map((flag) => flag.district.slug))
  const flaggedHere = props.districts.filter((candidate) => flagged.has(candidate.slug))

  const send = (event: FormEvent): Promise<void> => {
    event.preventDefault()
    return submit.run(async () => {
      await api.post(`/api/opportunities/topics/${props.topic.id}/flags`, { district, note })
      setDone(true)
      setOpen(false)
      setNote('')
      props.onChanged()
    })
  }
  const withdraw = (slug: string): Promise<void> =>
    submit.run(async () => {
      await api.del(`/api/opportunities/topics/${props.topic.id}/flags/${slug}`)
      props.onChanged()
    })

  return (
    <div data-testid="flag-area">
      {done && <Notice tone="success" testId="flag-done">{t('opportunities.flag.done')}</Notice>}
      {flaggedHere.map((candidate) => (
        <button key={candidate.slug} type="button" className="link-button" disabled={submit.busy} data-testid="flag-withdraw" onClick={() => void withdraw(candidate.slug)}>
          {t('opportunities.flag.withdraw', { district: candidate.name })}
        </button>
      ))}
      {!open && flaggedHere.length < props.districts.length && (
        <button type="button" className="button button--secondary" data-testid="flag-open" onClick={() => setOpen(true)}>
          {t('opportunities.flag.action')}
        </button>
      )}
      {open && (
        <form className="topic-flag-form" onSubmit={(event) => void send(event)} data-testid="flag-form">
          <FormAlert failure={submit.failure} />
          {props.districts.length > 1 && (
            <SelectField
              label={t('opportunities.flag.district')}
              value={district}
              onChange={setDistrict}
              testId="flag-district"
              options={props.districts.map((candidate) => ({ value: candidate.slug, label: candidate.name }))}
            />
          )}
          <TextArea label={t('opportunities.flag.note')} hint={t('opportunities.flag.noteHint')} value={note} onChange={setNote} rows={3} testId="flag-note" />
          <div className="form-actions">
            <button type="submit" className="button" disabled={submit.busy} data-testid="flag-submit">
              {t('opportunities.flag.submit')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)}>
              {t('opportunities.flag.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
