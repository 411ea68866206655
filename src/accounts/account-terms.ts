// The platform roles as a plain list, with no server dependency: the API's schemas and the web app's user
// administration both import it (see ARCHITECTURE.md).

export const platformRoles = ['platform_admin', 'ma_officer', 'evaluator'] as const
