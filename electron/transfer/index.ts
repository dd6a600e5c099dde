// Export and import of everything a rep owns, as one file: moving to a new computer, or keeping a copy of one's own.
export { EXPORT_FILE_SCHEMA, EXPORT_FORMAT, EXPORTED_TABLES, exportData, importData, ImportError, type ExportFile } from './export-file.ts'
