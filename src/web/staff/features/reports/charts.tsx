import type { ReactElement } from 'react';
import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { useDisplay } from '../../../lib/display';

/**
 * The dashboard's charts (Recharts, SVG). They are pictures of the table under each one: hidden from screen
 * readers, not focusable, not animated. Right to left: categories start at the right and the value axis stands on
 * the right; the SVG itself is laid out left to right (so text anchors behave) and mirrored through the axes.
 */

export type Datum = { label: string } & Record<string, number | string | null>;
export type Series = { key: string; name: string; color: string };

/** Colours of the water theme with enough contrast on white; a status order for age buckets. */
export const COLORS = {
  primary: '#1b6a85',
  ages: ['#7cc8dc', '#2a8dab', '#b45309', '#b91c1c'],
  directions: ['#1b6a85', '#7cc8dc'],
} as const;

const TICK = { fill: '#475569', fontSize: 12 };
const GRID = '#e2e8f0';
const INK = '#0f172a';

function useChartText() {
  const rtl = useDisplay().locale === 'ar';
  const tooltipStyle = {
    direction: rtl ? ('rtl' as const) : ('ltr' as const),
    textAlign: 'start' as const,
    fontSize: 13,
    borderRadius: 6,
    borderColor: '#cbd5e1',
  };
  return { rtl, tooltipStyle };
}

/** Long category names are cut on the axis; the table under the chart has them whole. */
const shorten = (text: string, max = 20) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Whole-number ticks across a fixed scale (0–5 for ratings), so every step is labelled. */
const ticksOf = (domain?: [number, number]) =>
  domain ? Array.from({ length: domain[1] - domain[0] + 1 }, (_, i) => domain[0] + i) : undefined;

/** The colour key under a chart with several series, in the reading direction and in the series' order. */
function ChartLegend({ series, rtl }: { series: Series[]; rtl: boolean }) {
  return (
    <ul dir={rtl ? 'rtl' : 'ltr'} className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <span className="size-3 shrink-0 rounded-sm" style={{ backgroundColor: s.color }} />
          {s.name}
        </li>
      ))}
    </ul>
  );
}

type LabelProps = {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
};

/**
 * The value at the tip of a horizontal bar: past its left end in Arabic (bars grow leftward), past its right end in
 * English. Drawn here because the library's "left"/"right" positions do not follow a reversed axis.
 */
function rowValueLabel(rtl: boolean, formatValue: (n: number) => string) {
  return (props: LabelProps): ReactElement | null => {
    const [x, y, width, height] = [props.x, props.y, props.width, props.height].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    if (typeof props.value !== 'number' || [x, y, width, height].some(Number.isNaN)) return null;
    const start = Math.min(x, x + width);
    const end = Math.max(x, x + width);
    return (
      <text
        x={rtl ? start - 6 : end + 6}
        y={y + height / 2}
        dy="0.35em"
        textAnchor={rtl ? 'end' : 'start'}
        fill={INK}
        fontSize={12}
      >
        {formatValue(props.value)}
      </text>
    );
  };
}

export function BarsChart({
  data,
  series,
  layout = 'columns',
  stacked = false,
  formatValue,
  domain,
  height,
}: {
  data: Datum[];
  series: Series[];
  /** columns: categories along the bottom; rows: one bar per line, for long names. */
  layout?: 'columns' | 'rows';
  stacked?: boolean;
  formatValue: (n: number) => string;
  domain?: [number, number];
  height?: number;
}) {
  const { rtl, tooltipStyle } = useChartText();
  const rows = layout === 'rows';
  const chartHeight = height ?? (rows ? Math.max(120, data.length * 36 + 44) : 260);
  const single = series.length === 1;
  const slanted = !rows && data.length > 4;
  const valueTick = (value: number) => formatValue(value);
  const categoryTick = (value: string) => shorten(String(value));
  return (
    <>
      <BarChart
        responsive
        accessibilityLayer={false}
        width="100%"
        height={chartHeight}
        data={data}
        layout={rows ? 'vertical' : 'horizontal'}
        // Room for the value at the tip of each bar.
        margin={{
          top: single && !rows ? 22 : 8,
          right: rows && single && !rtl ? 36 : 12,
          bottom: 4,
          left: rows && single && rtl ? 36 : 12,
        }}
        barCategoryGap="22%"
      >
        <CartesianGrid stroke={GRID} vertical={rows} horizontal={!rows} />
        {rows ? (
          <>
            <XAxis
              type="number"
              reversed={rtl}
              tick={TICK}
              tickFormatter={valueTick}
              allowDecimals={false}
              domain={domain}
              ticks={ticksOf(domain)}
            />
            <YAxis
              type="category"
              dataKey="label"
              orientation={rtl ? 'right' : 'left'}
              width={140}
              tick={TICK}
              tickLine={false}
              tickMargin={8}
              tickFormatter={categoryTick}
              interval={0}
            />
          </>
        ) : (
          <>
            <XAxis
              type="category"
              dataKey="label"
              reversed={rtl}
              tick={TICK}
              tickLine={false}
              tickFormatter={categoryTick}
              interval={0}
              height={slanted ? 64 : 30}
              angle={slanted ? (rtl ? 30 : -30) : 0}
              textAnchor={slanted ? (rtl ? 'start' : 'end') : 'middle'}
            />
            <YAxis
              type="number"
              orientation={rtl ? 'right' : 'left'}
              width={44}
              tick={TICK}
              tickMargin={4}
              tickFormatter={valueTick}
              allowDecimals={false}
              domain={domain}
              ticks={ticksOf(domain)}
            />
          </>
        )}
        <Tooltip
          cursor={{ fill: '#f1f5f9' }}
          contentStyle={tooltipStyle}
          formatter={(value, name) => [formatValue(Number(value)), name]}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            stackId={stacked ? 'stack' : undefined}
            isAnimationActive={false}
            maxBarSize={rows ? 26 : 48}
          >
            {single && rows ? <LabelList dataKey={s.key} content={rowValueLabel(rtl, formatValue)} /> : null}
            {single && !rows ? (
              <LabelList
                dataKey={s.key}
                position="top"
                fill={INK}
                fontSize={12}
                formatter={(value) => (typeof value === 'number' ? formatValue(value) : '')}
              />
            ) : null}
          </Bar>
        ))}
      </BarChart>
      {single ? null : <ChartLegend series={series} rtl={rtl} />}
    </>
  );
}

/** A line over months (e.g. the satisfaction average), the oldest month where reading starts. */
export function TrendChart({
  data,
  series,
  formatValue,
  domain,
}: {
  data: Datum[];
  series: Series[];
  formatValue: (n: number) => string;
  domain?: [number, number];
}) {
  const { rtl, tooltipStyle } = useChartText();
  return (
    <>
      <LineChart
        responsive
        accessibilityLayer={false}
        width="100%"
        height={240}
        data={data}
        margin={{ top: 20, right: 16, bottom: 4, left: 16 }}
      >
        <CartesianGrid stroke={GRID} vertical={false} />
        <XAxis
          dataKey="label"
          reversed={rtl}
          tick={TICK}
          tickLine={false}
          interval="preserveStartEnd"
          padding={{ left: 24, right: 24 }}
        />
        <YAxis
          orientation={rtl ? 'right' : 'left'}
          width={36}
          tick={TICK}
          tickMargin={4}
          tickFormatter={(value: number) => formatValue(value)}
          domain={domain}
          ticks={ticksOf(domain)}
        />
        <Tooltip contentStyle={tooltipStyle} formatter={(value, name) => [formatValue(Number(value)), name]} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2.5}
            dot={{ r: 4, fill: s.color }}
            isAnimationActive={false}
            connectNulls
          >
            <LabelList
              dataKey={s.key}
              position="top"
              fill={INK}
              fontSize={12}
              formatter={(value) => (typeof value === 'number' ? formatValue(value) : '')}
            />
          </Line>
        ))}
      </LineChart>
      {series.length > 1 ? <ChartLegend series={series} rtl={rtl} /> : null}
    </>
  );
}
