// Small English stop list for FP7 titles: function words plus the generic words of project titles.
const stopWords = new Set(
  (
    'a an and are as at be by for from in into is of on or the to with via its their this that these towards toward ' +
    'new novel based using use european europe eu project projects research development approach approaches system systems ' +
    'advanced innovative integrated study support network networks high'
  ).split(' '),
)

/** Lower-cased title words, stop words dropped, a plural "s" folded so that "sensors" meets "sensor". */
export function tokenize(text: string): string[] {
  const out: string[] = []
  for (const raw of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (raw.length < 3 || stopWords.has(raw) || /^\d+$/.test(raw)) continue
    const term = raw.length > 4 && raw.endsWith('s') && !raw.endsWith('ss') ? raw.slice(0, -1) : raw
    out.push(term)
  }
  return out
}
