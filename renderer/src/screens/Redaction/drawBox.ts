import type { RegionBox } from '../../../../shared/contract/redaction';

/** A box being drawn starts here (fractions of the page image) when drawn with the keyboard. */
export const KEY_START: RegionBox = { x: 0.35, y: 0.45, w: 0.3, h: 0.03 };
const STEP = 0.005;

function clamp(b: RegionBox): RegionBox {
  const w = Math.min(1, Math.max(0.005, b.w));
  const h = Math.min(1, Math.max(0.005, b.h));
  return { x: Math.min(1 - w, Math.max(0, b.x)), y: Math.min(1 - h, Math.max(0, b.y)), w, h };
}

/** Arrow keys move the box, Shift+arrows resize it, Alt+arrows move it ten times as far. */
export function moveBox(b: RegionBox, key: string, shift: boolean, big: boolean): RegionBox {
  const d = big ? STEP * 10 : STEP;
  const dx = key === 'ArrowLeft' ? -d : key === 'ArrowRight' ? d : 0;
  const dy = key === 'ArrowUp' ? -d : key === 'ArrowDown' ? d : 0;
  return clamp(shift ? { ...b, w: b.w + dx, h: b.h + dy } : { ...b, x: b.x + dx, y: b.y + dy });
}
