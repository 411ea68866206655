// The EU topics' statuses as a plain list, with no server dependency: the API's schemas and the web app's filter
// both import it (see ARCHITECTURE.md).

export const topicStatuses = ['open', 'forthcoming', 'closed'] as const
export type TopicStatus = (typeof topicStatuses)[number]
