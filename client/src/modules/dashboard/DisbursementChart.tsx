import { useNavigate } from 'react-router';
import {
  Area,
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DisbursementPoint, WithCells } from './dashboardSeries';
import { CHART_HEIGHT, PALETTE, legendText } from './chartStyle';

type DisbursementChartProps = {
  points: WithCells<DisbursementPoint>[];
  title: string;
  description: string;
  names: { disbursed: string; cumulativeDisbursed: string; cumulativePlanned: string };
};

const activeIndex = (value: unknown): number | undefined => {
  const index = Number(value);
  return value === undefined || value === null || Number.isNaN(index) ? undefined : index;
};

/** Cumulative disbursed (solid area, round markers) against plan (dashed line, square markers). */
export function DisbursementChart({ points, title, description, names }: DisbursementChartProps) {
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
          const index = activeIndex(state.activeTooltipIndex);
          const point = index === undefined ? undefined : points[index];
          if (point) void navigate(point.href);
        }}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis width={80} />
        <Tooltip formatter={(_value, name, item) => [item.payload.cells[String(item.dataKey)] ?? '', name]} />
        <Legend formatter={legendText} />
        <Bar dataKey="disbursed" name={names.disbursed} fill={PALETTE.sky} isAnimationActive={false} />
        <Area
          type="monotone"
          dataKey="cumulativeDisbursed"
          name={names.cumulativeDisbursed}
          stroke={PALETTE.blue}
          strokeWidth={2}
          fill={PALETTE.blue}
          fillOpacity={0.15}
          dot={{ r: 3, fill: PALETTE.blue }}
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="cumulativePlanned"
          name={names.cumulativePlanned}
          stroke={PALETTE.vermillion}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 3, fill: '#ffffff', strokeWidth: 2 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
