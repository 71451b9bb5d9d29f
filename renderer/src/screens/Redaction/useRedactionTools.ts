import { useState } from 'react';
import type { RegionBox, RegionState } from '../../../../shared/contract/redaction';
import { useDrawRegion, useProposeRegions, useRedaction, useRedactText, useSetRegionState } from '../../api/redactionQueries';
import { selectionOffsets } from './selectionOffsets';

/**
 * The redaction tools of one document, shared by the page image (RegionsOverlay) and the panel
 * (RedactionPanel) on the Document and Review screens: its regions, the selected one, draw mode,
 * and the changes (propose, accept/remove, draw, redact the selected text).
 */
export function useRedactionTools(documentId: number | null) {
  const view = useRedaction(documentId);
  const propose = useProposeRegions();
  const setState = useSetRegionState();
  const draw = useDrawRegion();
  const fromText = useRedactText();
  const [selected, setSelected] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [notice, setNotice] = useState<'noSelection' | null>(null);
  const data = view.data && view.data.documentId === documentId ? view.data : undefined;
  const error = propose.error ?? setState.error ?? draw.error ?? fromText.error ?? null;
  const reset = () => {
    propose.reset();
    setState.reset();
    draw.reset();
    fromText.reset();
    setNotice(null);
  };
  return {
    view: data,
    selected,
    select: (id: number | null) => setSelected(id),
    drawing,
    setDrawing: (on: boolean) => {
      reset();
      setDrawing(on);
    },
    busy: propose.isPending || setState.isPending || draw.isPending || fromText.isPending,
    error,
    notice,
    propose: () => {
      reset();
      if (documentId !== null) propose.mutate({ id: documentId });
    },
    setRegions: (regions: number[], state: RegionState) => {
      reset();
      if (documentId !== null) setState.mutate({ id: documentId, regions, state });
    },
    acceptAll: () => {
      reset();
      if (documentId !== null) setState.mutate({ id: documentId, all: true, state: 'accepted' });
    },
    draw: (page: number, box: RegionBox) => {
      reset();
      setDrawing(false);
      if (documentId !== null) draw.mutate({ id: documentId, page, box }, { onSuccess: (v) => setSelected(v.regions.at(-1)?.id ?? null) });
    },
    /** Redacts the text selected in `container` (the page text panel) on `page`. */
    redactSelection: (page: number, container: HTMLElement | null) => {
      reset();
      const span = selectionOffsets(container);
      if (!span || documentId === null) return setNotice('noSelection');
      fromText.mutate({ id: documentId, page, start: span.start, end: span.end });
      window.getSelection()?.removeAllRanges();
    },
  };
}

export type RedactionTools = ReturnType<typeof useRedactionTools>;
