// Whole SEC documents (`sec-redline render`): the renderer-neutral view, DOCX in SEC house style, and HTML.
export { documentView, type DocumentView, type DocumentItem, type DocumentViewOptions, type TocEntry } from './view.js';
export { renderDocumentDocx, type DocumentDocxOptions } from './docx.js';
export { renderDocumentHtml } from './html.js';
