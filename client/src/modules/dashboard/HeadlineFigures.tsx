import { Card, Col, Flex, Row, Statistic, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PROJECT_STATUSES, STATUS_COLORS } from '../projects/projectEnums';
import { formatAmount, formatAmountChange, percentChange, toFen } from './amounts';
import type { AmountUnit, DashboardFilterInput } from './dashboardParams';
import { onTimeRateChange, statusBreakdown, type StatusCountRow } from './dashboardSeries';
import { overdueMilestonesUrl } from './drillDown';

type Change<T> = { current: T; previous: T };
export type Headline = {
  projectsByStatus: readonly StatusCountRow[];
  projects: Change<number>;
  milestonesDue: Change<number>;
  milestonesOnTime: Change<number>;
  overdueMilestones: number;
  appropriated: Change<string>;
  allocated: Change<string>;
  disbursed: Change<string>;
  available: Change<string>;
};

type HeadlineFiguresProps = { headline: Headline; filter: DashboardFilterInput; unit: AmountUnit };

const MONEY = ['appropriated', 'allocated', 'disbursed', 'available'] as const;

function ChangeText({ text, direction }: { text: string; direction: number }) {
  const className = direction > 0 ? 'dashboard-change-up' : direction < 0 ? 'dashboard-change-down' : undefined;
  // The arrow is a shape as well as a colour, so the direction survives greyscale.
  const arrow = direction > 0 ? '▲ ' : direction < 0 ? '▼ ' : '';
  return (
    <Typography.Text className={className} style={{ fontSize: 13 }}>
      <span aria-hidden>{arrow}</span>
      {text}
    </Typography.Text>
  );
}

export function HeadlineFigures({ headline, filter, unit }: HeadlineFiguresProps) {
  const { t } = useTranslation();
  const unitName = t(`dashboard.unit.${unit}`);
  const statuses = statusBreakdown(headline.projectsByStatus, PROJECT_STATUSES, filter);
  const projectDelta = headline.projects.current - headline.projects.previous;
  const projectPercent = percentChange(BigInt(headline.projects.current), BigInt(headline.projects.previous));
  const rate = onTimeRateChange(headline.milestonesOnTime, headline.milestonesDue);

  const versus = (text: string | null, direction: number) =>
    text === null ? (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('dashboard.headline.noPrevious')}
      </Typography.Text>
    ) : direction === 0 ? (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('dashboard.headline.unchanged')}
      </Typography.Text>
    ) : (
      <ChangeText text={t('dashboard.headline.versus', { change: text })} direction={direction} />
    );

  const moneyCard = (key: (typeof MONEY)[number]) => {
    const { current, previous } = headline[key];
    const delta = toFen(current) - toFen(previous);
    const percent = percentChange(toFen(current), toFen(previous));
    const change = percent === null ? null : `${formatAmountChange(current, previous, unit)} (${percent})`;
    const wholeFund = key === 'appropriated' || key === 'available';
    return (
      <Col xs={24} sm={12} lg={6} key={key}>
        <Card size="small" data-figure={key}>
          <Statistic
            title={
              wholeFund ? (
                <Tooltip title={t('dashboard.headline.wholeFund')}>
                  <span>
                    {t(`dashboard.headline.${key}`)} <span aria-hidden>*</span>
                    <span className="sr-only">{t('dashboard.headline.wholeFund')}</span>
                  </span>
                </Tooltip>
              ) : (
                t(`dashboard.headline.${key}`)
              )
            }
            value={formatAmount(current, unit)}
            // Shown as formatted: antd would re-parse the exact string as a float.
            formatter={(value) => value}
            suffix={unitName}
          />
          {versus(change, delta > 0n ? 1 : delta < 0n ? -1 : 0)}
        </Card>
      </Col>
    );
  };

  return (
    <section aria-label={t('dashboard.headline.label')} className="dashboard-headline">
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} lg={8}>
          <Card size="small" data-figure="projects" style={{ height: '100%' }}>
            <Statistic title={t('dashboard.headline.projects')} value={headline.projects.current} />
            {versus(
              projectPercent === null ? null : `${projectDelta > 0 ? '+' : ''}${projectDelta} (${projectPercent})`,
              Math.sign(projectDelta),
            )}
            <Flex wrap gap={4} style={{ marginTop: 8 }} aria-label={t('dashboard.headline.byStatus')} role="list">
              {statuses.map((s) => (
                <span role="listitem" key={s.status}>
                  <Link to={s.href}>
                    <Tag color={STATUS_COLORS[s.status]}>
                      {t(`projects.statusValue.${s.status}`)} {s.count}
                    </Tag>
                  </Link>
                </span>
              ))}
            </Flex>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Card size="small" data-figure="onTimeRate" style={{ height: '100%' }}>
            <Statistic
              title={t('dashboard.headline.onTimeRate')}
              value={rate.current ?? t('dashboard.headline.notApplicable')}
              formatter={(value) => value}
              suffix={rate.current === null ? undefined : '%'}
            />
            {rate.pointsChange === null ? (
              versus(null, 0)
            ) : rate.pointsChange === 0 ? (
              versus('0', 0)
            ) : (
              <ChangeText
                text={t(rate.pointsChange > 0 ? 'dashboard.headline.pointsUp' : 'dashboard.headline.pointsDown', {
                  points: Math.abs(rate.pointsChange).toFixed(1),
                })}
                direction={Math.sign(rate.pointsChange)}
              />
            )}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('dashboard.headline.onTimeDetail', {
                  due: headline.milestonesDue.current,
                  onTime: headline.milestonesOnTime.current,
                })}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} sm={12} lg={8}>
          <Card size="small" data-figure="overdueMilestones" style={{ height: '100%' }}>
            <Statistic title={t('dashboard.headline.overdueMilestones')} value={headline.overdueMilestones} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {t('dashboard.headline.overdueDetail')}
            </Typography.Text>
            <div>
              <Link to={overdueMilestonesUrl(filter)}>{t('dashboard.headline.openOverdueList')}</Link>
            </div>
          </Card>
        </Col>
        {MONEY.map(moneyCard)}
      </Row>
    </section>
  );
}
