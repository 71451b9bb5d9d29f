/**
 * What happens to documents a scan or a capture has just put in the archive: OCR, header
 * extraction and the access suggestion — the steps `minhbach run` does for imported files.
 *
 * The one place scanning calls them. When the automatic pipeline (import → OCR → extraction →
 * suggestion for every imported document) lands, this becomes a no-op and is removed.
 */
export interface PipelineSteps {
  ocr(ids: number[]): Promise<unknown>;
  extract(ids: number[]): unknown;
  suggest(ids: number[]): unknown;
}

export async function processScannedDocuments(engine: PipelineSteps, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await engine.ocr(ids);
  engine.extract(ids);
  engine.suggest(ids);
}
