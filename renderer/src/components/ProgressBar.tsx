/** A native progress bar with a visible text equivalent. */
export function ProgressBar({
  value,
  max,
  label,
  text,
}: {
  value: number;
  max: number;
  label: string;
  text: string;
}) {
  return (
    <div className="progress">
      <progress value={max > 0 ? value : undefined} max={max > 0 ? max : undefined} aria-label={label} />
      <span className="progress-text">{text}</span>
    </div>
  );
}
