// Reports computed from change logs and releases (Modification Report, Release Implementation Document tables,
// Change Status Report) and their renderers. Sits on the release floor: it reads changelog, release and render.
export type { Report, ReportSection, ReportTable } from './types.js';
export { modificationReport, documentsImpacted, type DocTitles } from './modification.js';
export { releaseReport, PARTICIPANTS } from './release-report.js';
export { statusReport, type StatusOptions } from './status.js';
export { renderReportMarkdown } from './render-md.js';
export { renderReportCsv } from './render-csv.js';
export { renderReportDocx } from './render-docx.js';
