import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, Rectangle, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SpendingPoint, WithCells } from './dashboardSeries';
import { CHART_HEIGHT, SERIES_FILL, legendText } from './chartStyle';

type SpendingChartProps = {
  points: WithCells<SpendingPoint>[];
  title: string;
  description: string;
  names: { budget: string; allocated: string; disbursed: string };
  /** Read aloud on each bar: "Region: 12 projects". */
  barLabel: (point: SpendingPoint) => string;
};

const SERIES = ['budget', 'allocated', 'disbursed'] as const;

/** Budget vs allocated vs disbursed; a click on any bar of a group opens the projects behind it. */
export function SpendingChart({ points, title, description, names, barLabel }: SpendingChartProps) {
  const navigate = useNavigate();
  const open = (index: number) => {
    const point = points[index];
    if (point) void navigate(point.href);
  };
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={points} title={title} desc={description} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          interval={0}
          angle={points.length > 6 ? -30 : 0}
          textAnchor={points.length > 6 ? 'end' : 'middle'}
          height={points.length > 6 ? 70 : 30}
        />
        <YAxis width={80} />
        <Tooltip formatter={(_value, name, item) => [item.payload.cells[String(item.dataKey)] ?? '', name]} />
        <Legend formatter={legendText} />
        {SERIES.map((series) => (
          <Bar
            key={series}
            dataKey={series}
            name={names[series]}
            fill={SERIES_FILL[series]}
            stroke="#333"
            strokeWidth={0.5}
            cursor="pointer"
            isAnimationActive={false}
            onClick={(_data, index) => open(index)}
            shape={(props) => {
              const point = points[props.index];
              return (
                <g
                  data-drill-key={point?.key}
                  data-series={series}
                  role="img"
                  aria-label={point ? barLabel(point) : undefined}
                >
                  <Rectangle {...props} />
                </g>
              );
            }}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
