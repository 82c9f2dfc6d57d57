import { formatMoney } from "@/lib/money";

/** Net earnings per week as a small server-rendered bar chart (SVG), with a text table for screen readers. */
export function EarningsChart({ weeks, currency, locale, title, weekLabel }: {
  weeks: { week: Date; total: number }[];
  currency: string;
  locale: string;
  title: string;
  weekLabel: (week: string) => string;
}) {
  const width = 480;
  const height = 140;
  const gap = 8;
  const barWidth = (width - gap * (weeks.length - 1)) / weeks.length;
  const max = Math.max(1, ...weeks.map((w) => Math.abs(w.total)));
  const baseline = height - 20;
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  return (
    <figure className="w-full">
      <svg viewBox={`0 0 ${width} ${height}`} className="h-36 w-full" role="img" aria-label={title}>
        <line x1={0} x2={width} y1={baseline} y2={baseline} className="stroke-neutral-300" strokeWidth={1} />
        {weeks.map((w, i) => {
          const h = Math.round((Math.abs(w.total) / max) * (baseline - 8));
          const x = i * (barWidth + gap);
          return (
            <g key={w.week.toISOString()}>
              <rect x={x} y={w.total >= 0 ? baseline - h : baseline} width={barWidth} height={Math.max(h, w.total === 0 ? 0 : 1)} rx={3}
                className={w.total >= 0 ? "fill-brand-600" : "fill-danger-600"} />
              <text x={x + barWidth / 2} y={height - 4} textAnchor="middle" className="fill-neutral-600 text-[10px]">{day.format(w.week)}</text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <tbody>
          {weeks.map((w) => (
            <tr key={w.week.toISOString()}>
              <th scope="row">{weekLabel(day.format(w.week))}</th>
              <td>{formatMoney(w.total, currency, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
