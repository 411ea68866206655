import { UsageError, withDatabase, type Command } from './shared.js'

export const outboxCommand: Command = {
  name: 'outbox',
  summary: 'print the queued e-mails (for operators without a mail server)',
  usage: 'clock outbox [--all] [--limit N]\n  --all also shows e-mails already sent; --limit (default 50) shows the newest N.',
  options: { all: { type: 'boolean' }, limit: { type: 'string' } },
  run: async (args) => {
    const limitText = typeof args.values.limit === 'string' ? args.values.limit : '50'
    const limit = Number(limitText)
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a positive whole number')
    const all = args.values.all === true
    await withDatabase(async ({ db }) => {
      let query = db.selectFrom('outbox').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit)
      if (!all) query = query.where('sent_at', 'is', null)
      const rows = await query.execute()
      if (rows.length === 0) {
        console.log(all ? 'The outbox is empty.' : 'No queued e-mails.')
        return
      }
      for (const row of rows.reverse()) {
        console.log('-'.repeat(72))
        console.log(`To:      ${row.to_email}`)
        console.log(`Subject: ${row.subject}`)
        console.log(`Queued:  ${row.created_at.toISOString()}${row.sent_at ? `   Sent: ${row.sent_at.toISOString()}` : ''}`)
        console.log('')
        console.log(row.body)
      }
      console.log('-'.repeat(72))
      console.log(`${rows.length} e-mail(s)${rows.length === limit ? ` (newest ${limit}; use --limit to see more)` : ''}.`)
    })
  },
}
