// Spreadsheet apps (Excel, LibreOffice, Google Sheets) run a cell that starts
// with = + - or @ as a formula, and some also a tab or carriage return
// followed by one. A leading apostrophe is the spreadsheets' own "this is
// text" mark: it keeps the sentence readable and inert. It applies to CSV,
// TSV and XLSX alike, since an XLSX string cell becomes a formula again as
// soon as it is copied out or saved as CSV.
const formulaStart = /^[=+\-@\t\r]/;

export function neutralizeFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}
