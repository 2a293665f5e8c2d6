/** Reading, checking and writing the import and export workbooks. Pure: no database. */
export {
  readWorkbook,
  detectFileKind,
  checkBeforeReading,
  SheetFileError,
  sheetFileMessageKey,
  MAX_DATA_ROWS,
  MAX_FILE_BYTES,
  type SheetRow,
  type FileKind,
  type SheetFileCode,
} from './read';
export { READ_LIMITS, type ReadLimits } from './limits';
export { validateVentureRows, type CarrierChoice, type VentureSheetContext } from './ventures';
export { validateReportRows, type ReportableVenture, type ReportSheetContext } from './reports';
export { errorKey, type SheetError, type SheetResult, type Translate } from './sheet';
export { buildTemplate, buildVentureExport, buildReportExport, type VentureExportRow, type ReportExportRow } from './write';
export { heading, VENTURE_COLUMNS, REPORT_COLUMNS, type SheetLocale } from './vocabulary';
