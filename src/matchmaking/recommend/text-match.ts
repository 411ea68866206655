import { looseStem, tokenize } from '../query-expansion.js'

/**
 * A text ready for phrase lookups: its words, loosely stemmed, so that "rivestimenti" finds "rivestimento"
 * and "coatings" finds "coating". Used where the database's stemmed search cannot be asked, such as
 * matching many profiles' concepts against one organisation's texts.
 */
export type StemmedText = string

export function stemText(...texts: readonly string[]): StemmedText {
  return ` ${texts.flatMap((text) => tokenize(text)).map(looseStem).join(' ')} `
}

/** Whether any of a concept's forms occurs in the text as a whole phrase. */
export function containsConcept(text: StemmedText, forms: readonly string[]): boolean {
  return forms.some((form) => {
    const phrase = tokenize(form).map(looseStem).join(' ')
    return phrase !== '' && text.includes(` ${phrase} `)
  })
}
