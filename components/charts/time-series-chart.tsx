"use client";

import { useEffect, useId, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { labelIndexes, niceTicks } from "./scale";

export type ChartSeries = {
  key: string;
  label: string;
  /** Any CSS colour; Tailwind palette values read best (e.g. "#059669"). */
  color: string;
  values: number[];
};

/** Until the figure has been measured (and on the server), draw at this width. */
const DEFAULT_WIDTH = 720;
const PADDING = { top: 12, right: 12, bottom: 28, left: 44 };

/**
 * A small inline-SVG chart for per-day (or any evenly spaced) series, as lines or grouped bars.
 * No chart library: the axis ticks come from niceTicks, every x position has a hover target whose
 * <title> lists all series (so it works for mouse, touch and screen-reader users alike), and the
 * legend doubles as a text summary.
 */
export function TimeSeriesChart({
  labels,
  series,
  variant = "line",
  height = 220,
  formatLabel = (label) => label,
  formatTitle = (label) => label,
  formatValue = (value) => value.toLocaleString(),
  ariaLabel,
  className,
}: {
  /** One per x position, e.g. ISO days. */
  labels: string[];
  series: ChartSeries[];
  variant?: "line" | "bar";
  height?: number;
  /** Short text under the x axis. */
  formatLabel?: (label: string) => string;
  /** Longer text in the hover title. */
  formatTitle?: (label: string) => string;
  formatValue?: (value: number) => string;
  ariaLabel: string;
  className?: string;
}) {
  const titleId = useId();
  const [hovered, setHovered] = useState<number | null>(null);
  // Drawn at the figure's real width, so text stays 11px on a phone and on a wide screen alike.
  const figureRef = useRef<HTMLElement>(null);
  const [width, setWidth] = useState(DEFAULT_WIDTH);
  useEffect(() => {
    const figure = figureRef.current;
    if (!figure) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(Math.round(entry.contentRect.width));
    });
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);
  const plotWidth = width - PADDING.left - PADDING.right;
  const plotHeight = height - PADDING.top - PADDING.bottom;
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const ticks = niceTicks(max);
  const top = ticks.at(-1) ?? 1;
  const count = labels.length;
  const slot = count ? plotWidth / count : plotWidth;
  const xCenter = (i: number) => PADDING.left + slot * i + slot / 2;
  const y = (value: number) => PADDING.top + plotHeight - (value / top) * plotHeight;
  const barGroup = Math.min(slot * 0.8, 36);
  const barWidth = series.length ? barGroup / series.length : barGroup;

  return (
    <figure ref={figureRef} className={cn("space-y-3", className)}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full overflow-visible text-slate-500"
        role="img"
        aria-labelledby={titleId}
        onMouseLeave={() => setHovered(null)}
      >
        <title id={titleId}>{ariaLabel}</title>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={PADDING.left}
              x2={width - PADDING.right}
              y1={y(tick)}
              y2={y(tick)}
              className={tick === 0 ? "stroke-slate-300" : "stroke-slate-100"}
              strokeWidth={1}
            />
            <text x={PADDING.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" className="fill-current text-[11px]">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {labelIndexes(count, Math.max(2, Math.floor(plotWidth / 90))).map((i) => (
          <text key={i} x={xCenter(i)} y={height - 8} textAnchor="middle" className="fill-current text-[11px]">
            {formatLabel(labels[i]!)}
          </text>
        ))}

        {hovered !== null && (
          <rect x={PADDING.left + slot * hovered} y={PADDING.top} width={slot} height={plotHeight} className="fill-slate-100" />
        )}

        {variant === "bar"
          ? series.map((s, si) =>
              s.values.map((value, i) =>
                value > 0 ? (
                  <rect
                    key={`${s.key}-${i}`}
                    x={xCenter(i) - barGroup / 2 + si * barWidth}
                    y={y(value)}
                    width={Math.max(barWidth - 1, 1)}
                    height={Math.max(y(0) - y(value), 1)}
                    fill={s.color}
                    rx={1}
                  />
                ) : null,
              ),
            )
          : // Reversed so the first series (usually the one that matters most) is drawn on top.
            [...series].reverse().map((s) => (
              <g key={s.key}>
                <polyline
                  points={s.values.map((value, i) => `${xCenter(i)},${y(value)}`).join(" ")}
                  fill="none"
                  stroke={s.color}
                  strokeWidth={2}
                  strokeLinejoin="round"
                  strokeLinecap="round"
                />
                {hovered !== null && s.values[hovered] !== undefined && (
                  <circle cx={xCenter(hovered)} cy={y(s.values[hovered]!)} r={3.5} fill="white" stroke={s.color} strokeWidth={2} />
                )}
              </g>
            ))}

        {labels.map((label, i) => (
          <rect
            key={label}
            x={PADDING.left + slot * i}
            y={PADDING.top}
            width={slot}
            height={plotHeight}
            fill="transparent"
            onMouseEnter={() => setHovered(i)}
          >
            <title>
              {[formatTitle(label), ...series.map((s) => `${s.label}: ${formatValue(s.values[i] ?? 0)}`)].join("\n")}
            </title>
          </rect>
        ))}
      </svg>
      <figcaption className="flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-slate-600">
        {series.map((s) => {
          const total = s.values.reduce((sum, value) => sum + value, 0);
          return (
            <span key={s.key} className="inline-flex items-center gap-2">
              <span className="size-2.5 rounded-full" style={{ backgroundColor: s.color }} aria-hidden="true" />
              {s.label}
              <span className="font-medium text-slate-900 tabular-nums">{formatValue(total)}</span>
            </span>
          );
        })}
        {hovered !== null && labels[hovered] && (
          <span className="ml-auto text-xs text-slate-500 tabular-nums" aria-live="polite">
            {formatTitle(labels[hovered])}:{" "}
            {series.map((s) => `${s.label.toLowerCase()} ${formatValue(s.values[hovered] ?? 0)}`).join(", ")}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
