import type { ReactElement } from 'react'
import { Route, Routes } from 'react-router'
import { NotFoundPage } from '../platform/feedback'
import { BrokeragePage } from './brokerage/brokerage-page'
import { CalendarPage } from './calendar-page'
import { EditEventPage, NewEventPage } from './event-form-page'
import { EventPage } from './event-page'
import { MinePage } from './mine-page'
import { OverlapsPage } from './overlaps-page'
import './events.css'

/** The pages under /events; this domain keeps its own routes. */
export function EventsSection(): ReactElement {
  return (
    <Routes>
      <Route index element={<CalendarPage />} />
      <Route path="new" element={<NewEventPage />} />
      <Route path="mine" element={<MinePage />} />
      <Route path="overlaps" element={<OverlapsPage />} />
      <Route path=":id" element={<EventPage />} />
      <Route path=":id/edit" element={<EditEventPage />} />
      <Route path=":id/brokerage/*" element={<BrokeragePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  )
}
