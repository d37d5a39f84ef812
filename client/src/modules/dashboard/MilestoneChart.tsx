import { useNavigate } from 'react-router';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type RechartsFill,
} from 'recharts';
import type { MilestonePoint, WithCells } from './dashboardSeries';
import type { MilestoneSeries } from './drillDown';
import { CHART_HEIGHT, PALETTE, SERIES_FILL, legendText } from './chartStyle';

type MilestoneChartProps = {
  points: WithCells<MilestonePoint>[];
  title: string;
  description: string;
  names: { due: string; completed: string; completedOnTime: string; onTimeRate: string };
};

const BARS: { series: MilestoneSeries; fill: string | RechartsFill }[] = [
  { series: 'due', fill: PALETTE.sky },
  { series: 'completed', fill: SERIES_FILL.allocated },
  { series: 'completedOnTime', fill: SERIES_FILL.disbursed },
];

/**
 * Due, completed and completed-on-time bars, with the on-time rate as a line on its own 0–100% axis.
 * A bar opens exactly the milestones it counts.
 */
export function MilestoneChart({ points, title, description, names }: MilestoneChartProps) {
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <ComposedChart data={points} title={title} desc={description} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis yAxisId="count" allowDecimals={false} width={48} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" width={52} />
        <Tooltip formatter={(_value, name, item) => [item.payload.cells[String(item.dataKey)] ?? '', name]} />
        <Legend formatter={legendText} />
        {BARS.map(({ series, fill }) => (
          <Bar
            key={series}
            yAxisId="count"
            dataKey={series}
            name={names[series]}
            fill={fill}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_data, index) => {
              const point = points[index];
              if (point) void navigate(point.hrefs[series]);
            }}
            shape={(props) => {
              const point = points[props.index];
              return (
                <g
                  data-drill-key={point?.key}
                  data-series={series}
                  role="img"
                  aria-label={point ? `${point.label}: ${names[series]} ${point[series]}` : undefined}
                >
                  <Rectangle {...props} />
                </g>
              );
            }}
          />
        ))}
        <Line
          yAxisId="rate"
          type="monotone"
          dataKey="onTimeRate"
          name={names.onTimeRate}
          stroke={PALETTE.black}
          strokeWidth={2}
          strokeDasharray="4 2"
          dot={{ r: 3 }}
          connectNulls={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
