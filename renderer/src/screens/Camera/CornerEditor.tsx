import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Corners } from '../../../../shared/contract/scanning';

const STEP = 0.005;
const clamp = (v: number) => Math.min(1, Math.max(0, v));

/** The captured frame with the page outline and four corner handles: drag them, or focus one
 *  and move it with the arrow keys (Shift for bigger steps). */
export function CornerEditor({ image, corners, onChange }: { image: string; corners: Corners; onChange: (next: Corners) => void }) {
  const { t } = useTranslation();
  const stage = useRef<HTMLDivElement>(null);

  const move = (i: number, x: number, y: number) => {
    const next = corners.map((c, k) => (k === i ? { x: clamp(x), y: clamp(y) } : c)) as Corners;
    onChange(next);
  };

  const onPointerMove = (i: number) => (e: PointerEvent<HTMLButtonElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    const box = stage.current!.getBoundingClientRect();
    move(i, (e.clientX - box.left) / box.width, (e.clientY - box.top) / box.height);
  };

  const onKeyDown = (i: number) => (e: KeyboardEvent<HTMLButtonElement>) => {
    const step = e.shiftKey ? STEP * 5 : STEP;
    const c = corners[i]!;
    const delta: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    const d = delta[e.key];
    if (!d) return;
    e.preventDefault();
    move(i, c.x + d[0], c.y + d[1]);
  };

  return (
    <div className="camera-stage" ref={stage} data-testid="corner-editor">
      <img src={image} alt={t('camera.adjust')} draggable={false} />
      <svg className="camera-overlay" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true">
        <polygon points={corners.map((c) => `${c.x},${c.y}`).join(' ')} />
      </svg>
      {corners.map((c, i) => (
        <button
          key={i}
          type="button"
          className="camera-handle"
          style={{ left: `${c.x * 100}%`, top: `${c.y * 100}%` }}
          aria-label={`${t(`camera.corner_${i}`)} (${Math.round(c.x * 100)}%, ${Math.round(c.y * 100)}%)`}
          onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
          onPointerMove={onPointerMove(i)}
          onPointerUp={(e) => e.currentTarget.releasePointerCapture(e.pointerId)}
          onKeyDown={onKeyDown(i)}
        />
      ))}
    </div>
  );
}
