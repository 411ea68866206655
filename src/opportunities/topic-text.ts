import { foldText } from '../matchmaking/query-expansion.js'

/** How much of a topic's description the text filter and the matching read: its objective and scope come first. */
export const descriptionReadLength = 8000

/** The folded text a topic is searched by: identifiers, titles, keywords and the head of the description. */
export function topicSearchText(topic: { identifier: string; title: string; callIdentifier: string; callTitle: string; keywords: readonly string[]; description: string }): string {
  return foldText([topic.identifier, topic.title, topic.callIdentifier, topic.callTitle, topic.keywords.join(' , '), topic.description.slice(0, descriptionReadLength)].join(' \n '))
}
