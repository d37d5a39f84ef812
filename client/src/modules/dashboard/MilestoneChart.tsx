import { useNavigate } from 'react-router';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MilestonePoint, WithCells } from './dashboardSeries';
import { CHART_HEIGHT, PALETTE, SERIES_FILL, legendText } from './chartStyle';

type MilestoneChartProps = {
  points: WithCells<MilestonePoint>[];
  title: string;
  description: string;
  names: { due: string; completed: string; completedOnTime: string; onTimeRate: string };
};

/** Due, completed and completed-on-time bars, with the on-time rate as a line on its own 0–100% axis. */
export function MilestoneChart({ points, title, description, names }: MilestoneChartProps) {
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <ComposedChart
        data={points}
        title={title}
        desc={description}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        style={{ cursor: 'pointer' }}
        onClick={(state) => {
          const index = Number(state.activeTooltipIndex);
          const point = state.activeTooltipIndex == null || Number.isNaN(index) ? undefined : points[index];
          if (point) void navigate(point.href);
        }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis yAxisId="count" allowDecimals={false} width={48} />
        <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" width={52} />
        <Tooltip formatter={(_value, name, item) => [item.payload.cells[String(item.dataKey)] ?? '', name]} />
        <Legend formatter={legendText} />
        <Bar yAxisId="count" dataKey="due" name={names.due} fill={PALETTE.sky} isAnimationActive={false} />
        <Bar
          yAxisId="count"
          dataKey="completed"
          name={names.completed}
          fill={SERIES_FILL.allocated}
          isAnimationActive={false}
        />
        <Bar
          yAxisId="count"
          dataKey="completedOnTime"
          name={names.completedOnTime}
          fill={SERIES_FILL.disbursed}
          isAnimationActive={false}
        />
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
