// Moved to engine/pdf/ (the one PDF module); kept so older imports keep working.
export { loadPdfjs, pdfjsAssetUrls } from '../pdf/pdfjsAssets';
