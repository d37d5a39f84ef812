import { useNavigate } from 'react-router';
import { Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip } from 'recharts';
import { formatTenths } from './amounts';
import type { SharePoint, WithCells } from './dashboardSeries';
import { CHART_HEIGHT, SLICE_COLORS, legendText } from './chartStyle';

type SectorShareChartProps = { points: WithCells<SharePoint>[]; title: string; description: string };

/** A donut of the budget by sector; each slice is labelled with its share so greyscale still reads. */
export function SectorShareChart({ points, title, description }: SectorShareChartProps) {
  const navigate = useNavigate();
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <PieChart title={title} desc={description}>
        <Pie
          data={points}
          dataKey="value"
          nameKey="label"
          innerRadius="45%"
          outerRadius="75%"
          isAnimationActive={false}
          cursor="pointer"
          stroke="#ffffff"
          strokeWidth={2}
          label={({ index }) => {
            const point = index === undefined ? undefined : points[index];
            return point ? `${formatTenths(point.shareTenths)}%` : '';
          }}
          onClick={(_data, index) => {
            const point = points[index];
            if (point) void navigate(point.href);
          }}
        >
          {points.map((point, index) => (
            <Cell key={point.key} fill={SLICE_COLORS[index % SLICE_COLORS.length]} data-drill-key={point.key} />
          ))}
        </Pie>
        <Tooltip
          formatter={(_value, name, item) => [`${item.payload.cells.budget} (${item.payload.cells.share})`, name]}
        />
        <Legend formatter={legendText} />
      </PieChart>
    </ResponsiveContainer>
  );
}
