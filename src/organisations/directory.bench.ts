// `npm run bench:directory`: directory search latency on 100,000 generated organisations, on PGlite and on
// PostgreSQL. Targets: p95 < 150 ms on PGlite, < 50 ms on PostgreSQL. BENCH_BACKENDS, BENCH_KEEP and
// BENCH_REUSE_URL as in scripts/bench-backends.ts.
import { percentile, runOnBackends, settle } from '../../scripts/bench-backends.js'
import { generateOrganisations, type DemoOrganisation } from '../demo/generate.js'
import { createRandom, type Random } from '../demo/random.js'
import { insertOrganisations } from '../demo/seed.js'
import type { DbHandle } from '../platform/db.js'
import { migrate } from '../platform/migrate.js'
import { loadReferenceData } from '../reference.js'
import { searchDirectory, type DirectoryFilters } from './directory.js'

const organisationCount = Number(process.env.BENCH_ORGANISATIONS ?? 100_000)
const queryCount = 240
const warmUpCount = 40
const targets = { pglite: 150, postgres: 50 } as const

type Query = { kind: string; filters: DirectoryFilters }
type Timing = { kind: string; ms: number; total: number }
type BackendResult = { backend: string; seedSeconds: number; timings: Timing[] }

const italianWords = ['tessuti', 'marmo', 'idrogeno', 'robotica', 'diagnostica', 'rivestimenti', 'università', 'ferrovia', 'geotermia', 'laser', 'nautica', 'energia rinnovabile', 'logistica portuale', 'materiali compositi', 'farmaci biologici']
const englishWords = ['coatings', 'hydrogen', 'railway signalling', 'photonics', 'medical devices', 'furniture', 'marble sludge', 'composite hulls', 'smart lighting', 'artificial intelligence', 'leather', 'green electrolysers']
const typoNames = ['bartolinni marmi', 'lavorazoni laser', 'centro ricerce nano', 'cantieri navali toscna', 'fotonica pisanna', 'tessile pratesse', 'agenzia svilupo', 'consorzio energi', 'giannini sistmi', 'ferroviaria aretna']
const types = ['sme', 'startup', 'large_company', 'research_organisation', 'university', 'public_body'] as const
const sizes = ['micro', 'small', 'medium', 'large'] as const
const clusters = ['clock', 'tuscany-ict', 'tuscany-advanced-materials', 'tuscany-fashion', 'tuscany-life-sciences', 'tuscany-energy-green-economy', 'piedmont-ict']
const taxonomy = ['ICT', 'ICT.04', 'SF', 'SF.01', 'CN.03', 'TR.CIRC', 'TR.H2']
const provinces = ['FI', 'PI', 'LU', 'SI', 'TO', 'MI', 'GR']

/** A fixed mix of directory queries: the same seed gives the same queries on every run and backend. */
function queryMix(random: Random, count: number): Query[] {
  const text = (): string => random.pick([...italianWords, ...englishWords])
  const page = (): Pick<DirectoryFilters, 'page' | 'pageSize'> => ({ page: random.chance(0.15) ? 2 : 1, pageSize: 20 })
  const makers: (() => Query)[] = [
    () => ({ kind: 'text: Italian', filters: { q: random.pick(italianWords), ...page() } }),
    () => ({ kind: 'text: English', filters: { q: random.pick(englishWords), ...page() } }),
    () => ({ kind: 'text: name with typo', filters: { q: random.pick(typoNames), ...page() } }),
    () => ({ kind: 'text + type', filters: { q: text(), type: random.pick(types), ...page() } }),
    () => ({ kind: 'text + size', filters: { q: text(), size: random.pick(sizes), ...page() } }),
    () => ({ kind: 'text + cluster', filters: { q: text(), cluster: random.pick(clusters), ...page() } }),
    () => ({ kind: 'text + taxonomy', filters: { q: text(), taxonomy: random.pick(taxonomy), ...page() } }),
    () => ({ kind: 'text + province', filters: { q: text(), province: random.pick(provinces), ...page() } }),
    () => ({ kind: 'filters: type + size', filters: { type: random.pick(types), size: random.pick(sizes), ...page() } }),
    () => ({ kind: 'filters: cluster', filters: { cluster: random.pick(clusters), ...page() } }),
    () => ({ kind: 'filters: taxonomy + province', filters: { taxonomy: random.pick(taxonomy), province: random.pick(provinces), ...page() } }),
    () => ({ kind: 'filters: none (browse)', filters: { ...page() } }),
  ]
  return Array.from({ length: count }, (_, index) => (makers[index % makers.length] as () => Query)())
}

async function seed(handle: DbHandle): Promise<number> {
  await migrate(handle)
  await loadReferenceData(handle.db)
  const organisations = withUniqueVatNumbers(generateOrganisations(organisationCount, 7))
  const started = performance.now()
  await handle.db.transaction().execute((trx) => insertOrganisations(trx, organisations, 'bench'))
  await settle(handle)
  return (performance.now() - started) / 1000
}

/** A database this bench seeded before (BENCH_KEEP=1): brought to the latest schema and analysed, not reseeded. */
async function reanalyse(handle: DbHandle): Promise<number> {
  const started = performance.now()
  await migrate(handle)
  await settle(handle)
  return (performance.now() - started) / 1000
}

/** The demo generator was written for hundreds of rows: at 100,000 a few VAT numbers repeat, which the unique index refuses. */
function withUniqueVatNumbers(organisations: DemoOrganisation[]): DemoOrganisation[] {
  const seen = new Set<string>()
  let cleared = 0
  for (const organisation of organisations) {
    if (organisation.vatNumber === null) continue
    if (seen.has(organisation.vatNumber)) {
      organisation.vatNumber = null
      cleared++
    } else seen.add(organisation.vatNumber)
  }
  if (cleared > 0) process.stdout.write(`(${cleared} repeated generated VAT numbers left empty) `)
  return organisations
}

async function bench(backend: string, handle: DbHandle, reused: boolean): Promise<BackendResult> {
  process.stdout.write(`${backend}: ${reused ? 'migrating and analysing' : 'seeding'} ${organisationCount.toLocaleString('en')} organisations... `)
  const seedSeconds = reused ? await reanalyse(handle) : await seed(handle)
  console.log(`${seedSeconds.toFixed(1)} s`)
  for (const query of queryMix(createRandom(99), warmUpCount)) await searchDirectory(handle.db, query.filters)
  const timings: Timing[] = []
  for (const query of queryMix(createRandom(2026), queryCount)) {
    const started = performance.now()
    const result = await searchDirectory(handle.db, query.filters)
    timings.push({ kind: query.kind, ms: performance.now() - started, total: result.total })
  }
  return { backend, seedSeconds, timings }
}

function report(result: BackendResult, target: number): void {
  const all = result.timings.map((timing) => timing.ms)
  const p95 = percentile(all, 0.95)
  const kinds = [...new Set(result.timings.map((timing) => timing.kind))].map((kind) => {
    const of = result.timings.filter((timing) => timing.kind === kind)
    const ms = of.map((timing) => timing.ms)
    return { kind, median: percentile(ms, 0.5), p95: percentile(ms, 0.95), max: Math.max(...ms), hits: percentile(of.map((t) => t.total), 0.5) }
  })
  const slowest = [...kinds].sort((a, b) => b.median - a.median)[0]
  console.log(`\n== ${result.backend}`)
  console.log(`seeding:        ${result.seedSeconds.toFixed(1)} s for ${organisationCount.toLocaleString('en')} organisations (with VACUUM ANALYZE)`)
  console.log(`searches:       ${all.length} after ${warmUpCount} warm-up`)
  console.log(`median:         ${percentile(all, 0.5).toFixed(1)} ms`)
  console.log(`p95:            ${p95.toFixed(1)} ms (target < ${target} ms: ${p95 < target ? 'met' : 'MISSED'})`)
  console.log(`slowest kind:   ${slowest?.kind} (median ${slowest?.median.toFixed(1)} ms)`)
  console.log('by kind:        median / p95 / max ms, median hits')
  for (const kind of kinds) {
    console.log(`  ${kind.kind.padEnd(30)} ${kind.median.toFixed(1).padStart(7)} ${kind.p95.toFixed(1).padStart(7)} ${kind.max.toFixed(1).padStart(7)}  ${kind.hits}`)
  }
}

await runOnBackends(`clock_bench_${process.pid}`, bench, (result, onPostgreSQL) => report(result, onPostgreSQL ? targets.postgres : targets.pglite))
