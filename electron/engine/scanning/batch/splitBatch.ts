/**
 * Turns a scanned batch into documents. Pure: which page is blank or a separator was decided
 * before (pages/blankPage.ts, pages/separatorSheet.ts). Rules:
 *
 * - `split: 'qr'`: a page with the separator code starts a new document and is left out; in
 *   duplex the blank back of that sheet is left out with it.
 * - `split: 'blank'`: a blank separator sheet starts a new document and is left out. In simplex
 *   every blank page is such a sheet; in duplex a sheet counts only when both its sides are blank
 *   (a one-sided letter has a blank back that is not a separator).
 * - `removeBlank`: other blank pages are left out.
 *
 * Never lost: a page with content, or a page not yet analysed (null), always lands in a document.
 */
export interface PageJudgement {
  blank: boolean | null;
  separator: boolean | null;
}

export interface SplitOptions {
  split: 'none' | 'blank' | 'qr';
  removeBlank: boolean;
  duplex: boolean;
}

export interface SplitPlan {
  /** Page numbers (1-based) of each document, in scan order. */
  documents: number[][];
  dropped: { n: number; reason: 'blank' | 'separator' }[];
}

export function planDocuments(pages: readonly PageJudgement[], options: SplitOptions): SplitPlan {
  const documents: number[][] = [];
  const dropped: SplitPlan['dropped'] = [];
  let current: number[] = [];
  const close = () => {
    if (current.length > 0) documents.push(current);
    current = [];
  };
  const isBlank = (i: number) => pages[i]?.blank === true;
  const sheetOf = (i: number) => (options.duplex ? [i - (i % 2), i - (i % 2) + 1] : [i]);
  const otherSide = (i: number) => (options.duplex ? (i % 2 === 0 ? i + 1 : i - 1) : -1);

  for (let i = 0; i < pages.length; i++) {
    const page = pages[i]!;
    const n = i + 1;
    if (options.split === 'qr' && page.separator === true) {
      close();
      dropped.push({ n, reason: 'separator' });
      continue;
    }
    const other = otherSide(i);
    if (options.split === 'qr' && page.blank === true && other >= 0 && pages[other]?.separator === true) {
      dropped.push({ n, reason: 'separator' });
      continue;
    }
    if (options.split === 'blank' && page.blank === true && sheetOf(i).every((s) => s >= pages.length || isBlank(s))) {
      // The first side of a blank sheet ends the document; its other side goes with it.
      if (!options.duplex || i % 2 === 0) close();
      dropped.push({ n, reason: 'separator' });
      continue;
    }
    if (options.removeBlank && page.blank === true) {
      dropped.push({ n, reason: 'blank' });
      continue;
    }
    current.push(n);
  }
  close();
  return { documents, dropped };
}
