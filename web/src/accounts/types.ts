import type { z } from 'zod'
import type * as api from '../../../src/accounts/accounts.schema'

// The roles come from the server's own list, so that the two cannot drift apart.
export { platformRoles } from '../../../src/accounts/account-terms'

// The API's answers, as its response schemas define them: inferred, so that the two cannot drift apart.
export type PlatformRole = z.infer<typeof api.platformRole>
export type User = z.infer<typeof api.userView>
export type UserListItem = z.infer<typeof api.userListItem>
