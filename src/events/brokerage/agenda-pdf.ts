import PDFDocument from 'pdfkit'

// A participant's agenda as a one-column printable PDF: data in (already translated), bytes out.

export type AgendaPdf = {
  title: string
  eventTitle: string
  participant: string
  note: string
  empty: string
  rows: { when: string; place: string; withWhom: string; about: string }[]
  footer: string
}

export function agendaPdf(agenda: AgendaPdf): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `${agenda.title} — ${agenda.eventTitle}`, Author: 'CLOCK' } })
  const chunks: Buffer[] = []
  document.on('data', (chunk: Buffer) => chunks.push(chunk))
  const finished = new Promise<Buffer>((resolve, reject) => {
    document.on('end', () => resolve(Buffer.concat(chunks)))
    document.on('error', reject)
  })
  document.font('Helvetica-Bold').fontSize(18).text(agenda.title)
  document.moveDown(0.3).font('Helvetica').fontSize(12).text(agenda.eventTitle)
  document.text(agenda.participant)
  document.moveDown(0.3).fontSize(10).fillColor('#555555').text(agenda.note).fillColor('#000000')
  document.moveDown()
  if (agenda.rows.length === 0) document.fontSize(11).text(agenda.empty)
  for (const row of agenda.rows) {
    document.font('Helvetica-Bold').fontSize(11).text(`${row.when} · ${row.place}`)
    document.font('Helvetica').text(row.withWhom)
    if (row.about) document.fontSize(9).fillColor('#444444').text(row.about).fillColor('#000000')
    document.moveDown(0.6)
  }
  document.moveDown(2).fontSize(9).fillColor('#555555').text(agenda.footer)
  document.end()
  return finished
}
