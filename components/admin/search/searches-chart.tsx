/** Searches per UTC day as a small server-rendered bar chart (SVG); the part that found nothing
 * is drawn darker at the bottom of each bar. A text table beside it serves screen readers. */
export function SearchesChart({ days, locale, title, legend, rowLabel }: {
  days: { day: string; searches: number; zeroResultSearches: number }[];
  locale: string;
  title: string;
  legend: { searches: string; zero: string };
  rowLabel: (day: string, searches: number, zero: number) => string;
}) {
  const width = 720;
  const height = 160;
  const baseline = height - 20;
  const gap = days.length > 40 ? 1 : 3;
  const barWidth = Math.max(1, (width - gap * (days.length - 1)) / Math.max(1, days.length));
  const max = Math.max(1, ...days.map((d) => d.searches));
  const format = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const label = (day: string) => format.format(new Date(`${day}T00:00:00Z`));
  // About six date labels whatever the range.
  const every = Math.max(1, Math.ceil(days.length / 6));
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-40 w-full" role="img" aria-label={title} preserveAspectRatio="none">
        <line x1={0} x2={width} y1={baseline} y2={baseline} className="stroke-neutral-300" strokeWidth={1} />
        {days.map((d, i) => {
          const x = i * (barWidth + gap);
          const h = Math.round((d.searches / max) * (baseline - 8));
          const zeroH = Math.round((d.zeroResultSearches / max) * (baseline - 8));
          return (
            <g key={d.day}>
              {h > 0 ? <rect x={x} y={baseline - h} width={barWidth} height={h} rx={barWidth > 6 ? 2 : 0} className="fill-info-500" /> : null}
              {zeroH > 0 ? <rect x={x} y={baseline - zeroH} width={barWidth} height={zeroH} className="fill-warning-500" /> : null}
              {i % every === 0 ? (
                <text x={i === 0 ? x : x + barWidth / 2} y={height - 4} textAnchor={i === 0 ? "start" : "middle"} className="fill-neutral-600 text-[10px]">
                  {label(d.day)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-neutral-700" aria-hidden="true">
        <span className="inline-flex items-center gap-1.5"><span className="inline-block size-3 rounded-sm bg-info-500" />{legend.searches}</span>
        <span className="inline-flex items-center gap-1.5"><span className="inline-block size-3 rounded-sm bg-warning-500" />{legend.zero}</span>
      </figcaption>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <td>{rowLabel(label(d.day), d.searches, d.zeroResultSearches)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
