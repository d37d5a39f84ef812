import { useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Rectangle,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ProgressPoint, WithCells } from './dashboardSeries';
import { CHART_HEIGHT, PALETTE } from './chartStyle';

type ProgressChartProps = { points: WithCells<ProgressPoint>[]; title: string; description: string; name: string };

/** Projects per progress range, each bar labelled with its count. */
export function ProgressChart({ points, title, description, name }: ProgressChartProps) {
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={points} title={title} desc={description} margin={{ top: 20, right: 8, bottom: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} width={48} />
        <Tooltip />
        <Bar
          dataKey="count"
          name={name}
          fill={PALETTE.blue}
          cursor="pointer"
          isAnimationActive={false}
          onClick={(_data, index) => {
            const point = points[index];
            if (point) void navigate(point.href);
          }}
          shape={(props) => {
            const point = points[props.index];
            return (
              <g
                data-drill-key={point?.key}
                data-series="count"
                role="img"
                aria-label={point ? `${point.label}: ${name} ${point.count}` : undefined}
              >
                <Rectangle {...props} />
              </g>
            );
          }}
        >
          <LabelList dataKey="count" position="top" />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
