import { z } from 'zod'
import type { ScheduleInput } from './types.js'

const slotIndex = z.number().int().nonnegative()
const tableRef = z.union([z.number().int().nonnegative(), z.templateLiteral(['virtual:', z.number().int().nonnegative()])])

/** JSON instance file of `npm run bench:scheduler -- --instance FILE`; cross-references are checked by the scheduler. */
export const scheduleInstanceSchema = z.strictObject({
  slots: z.number().int().positive(),
  tables: z.number().int().nonnegative(),
  virtualRooms: z.number().int().nonnegative().optional(),
  cap: z.number().int().nonnegative().optional(),
  sessions: z.array(z.array(slotIndex).min(1)).min(1).optional(),
  participants: z.array(
    z.strictObject({
      id: z.string().min(1),
      available: z.array(slotIndex),
      cap: z.number().int().nonnegative().optional(),
    }),
  ),
  requests: z.array(z.tuple([z.string().min(1), z.string().min(1)])),
  locked: z
    .array(z.strictObject({ a: z.string().min(1), b: z.string().min(1), slot: slotIndex, table: tableRef }))
    .optional(),
})

export type ScheduleInstance = z.infer<typeof scheduleInstanceSchema>

/** Parses an instance; throws an Error listing every problem with its JSON path. */
export function parseScheduleInstance(json: unknown): ScheduleInput {
  const parsed = scheduleInstanceSchema.safeParse(json)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`)
    throw new Error(`invalid instance:\n${lines.join('\n')}`)
  }
  return parsed.data
}
