/**
 * Offsets [start, end) in a page's text of what the reader selected inside `container` (the page
 * text panel), counting only the text the panel shows of the page: nodes inside an element marked
 * `data-not-text` (screen-reader cues around evidence marks) are skipped. Null when nothing, or
 * something outside the container, is selected.
 */
function textIn(container: HTMLElement, range: Range): number {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest('[data-not-text]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let total = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    // The part of this text node inside the range (comparePoint: -1 before, 0 inside, 1 after).
    const from = range.comparePoint(node, 0) >= 0 ? 0 : node === range.startContainer ? range.startOffset : length;
    const to = range.comparePoint(node, length) <= 0 ? length : node === range.endContainer ? range.endOffset : 0;
    if (to > from) total += to - from;
  }
  return total;
}

export function selectionOffsets(container: HTMLElement | null): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!container || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const before = document.createRange();
  before.setStart(container, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = textIn(container, before);
  const end = start + textIn(container, range);
  return end > start ? { start, end } : null;
}
