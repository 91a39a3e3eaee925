/**
 * The reports folder's helpers for other folders' tests: a printed PDF read back page by page, as poppler
 * (Debian's poppler-utils) finds its text.
 */
export { pdfPageTexts } from './pdf-pages.fixture.js';
