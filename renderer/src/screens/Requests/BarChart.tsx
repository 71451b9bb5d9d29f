/** A horizontal bar chart in plain SVG (a handful of bars: no chart library needed). The numbers
 *  are also in the table beside it, so the chart is decorative for screen readers' purposes but
 *  still labelled. */
export function BarChart({ title, bars }: { title: string; bars: { label: string; value: number }[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const row = 22;
  const labelW = 150;
  const width = 420;
  return (
    <svg
      className="bar-chart"
      role="img"
      aria-label={title}
      width="100%"
      viewBox={`0 0 ${width} ${bars.length * row + 4}`}
    >
      <title>{title}</title>
      {bars.map((b, i) => {
        const w = ((width - labelW - 40) * b.value) / max;
        return (
          <g key={b.label} transform={`translate(0 ${i * row + 2})`}>
            <text x={labelW - 6} y={row / 2 + 4} textAnchor="end">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect x={labelW} y={3} width={w} height={row - 6} />
            <text x={labelW + w + 4} y={row / 2 + 4}>
              {b.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
