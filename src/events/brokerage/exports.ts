import ExcelJS from 'exceljs'
import Papa from 'papaparse'

// Participants and meetings as CSV (UTF-8 with a byte-order mark, so spreadsheets read the accents) or Excel.

export type Table = { name: string; header: string[]; rows: (string | number)[][] }

export function tableCsv(table: Table): string {
  return `\uFEFF${Papa.unparse([table.header, ...table.rows], { newline: '\r\n' })}`
}

export async function tableWorkbook(table: Table): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'CLOCK'
  const sheet = workbook.addWorksheet(table.name.slice(0, 31))
  sheet.addRow(table.header)
  for (const row of table.rows) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  sheet.columns.forEach((column) => {
    column.width = 22
  })
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
