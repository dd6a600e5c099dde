// The team server's paths, shared by the server, the rep's sync client and the lead's admin page.
//   Authorization: Bearer <team token> on every request and on the socket's upgrade.
//   200 { ok: true, result }   4xx/5xx { ok: false, error: { code, message } }   (the headless door's shape)
export const TEAM_PATHS = {
  me: '/team/v1/me',
  /** GET ?after=CURSOR&limit=N: a ChangePage.  POST { changes: RepChange[] }: the rep's outbox. */
  changes: '/team/v1/changes',
  figures: '/team/v1/figures',
  /** WebSocket: TeamPush frames, server to rep. */
  socket: '/team/v1/socket',
  overview: '/team/v1/admin/overview',
  offenders: '/team/v1/admin/offenders',
  removeOffender: '/team/v1/admin/offenders/remove',
  packs: '/team/v1/admin/packs',
  tokens: '/team/v1/admin/tokens',
  revoke: '/team/v1/admin/revoke',
  adminPage: '/admin',
} as const
