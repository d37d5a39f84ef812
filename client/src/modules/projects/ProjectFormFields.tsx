import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import {
  Button,
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  TreeSelect,
  Typography,
  type FormInstance,
} from 'antd';
import type { Rule } from 'antd/es/form';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '@pat/shared';
import { REGIONS_QUERY } from '../regions/regions.graphql';
import { buildRegionTree, type RegionTreeNode } from '../regions/regionTree';
import { PROJECT_STAFF_QUERY } from './projectForm.graphql';
import { BUDGET_FIELDS, parseYuan, type ProjectFormValues } from './projectFormModel';
import { RISK_LEVELS, SECTORS, pickLocalized } from './projectEnums';
import { fenToYuan } from '../../components/yuan';

type RegionOption = { value: string; title: string; children?: RegionOption[] };

export function ProjectFormFields({ form, mode }: { form: FormInstance<ProjectFormValues>; mode: 'create' | 'edit' }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const { data: regionData, loading: regionsLoading } = useQuery(REGIONS_QUERY);
  const { data: staffData, loading: staffLoading } = useQuery(PROJECT_STAFF_QUERY);

  const regionTree = useMemo(() => {
    const toOption = (node: RegionTreeNode): RegionOption => ({
      value: node.region.code,
      title: pickLocalized(node.region.name, language),
      children: node.children.length ? node.children.map(toOption) : undefined,
    });
    return buildRegionTree(regionData?.regions ?? []).map(toOption);
  }, [regionData, language]);

  const required = (field: string): Rule => ({
    required: true,
    whitespace: true,
    message: t('projectForm.required', { field }),
  });
  const maxLength = (max: number): Rule => ({ max, message: t('projectForm.tooLong', { max }) });
  const moneyRule: Rule = {
    validator: (_, value?: string) => {
      const parsed = parseYuan(value);
      return 'problem' in parsed
        ? Promise.reject(new Error(t(`projectForm.money.${parsed.problem}`)))
        : Promise.resolve();
    },
  };

  const budget = Form.useWatch((v: ProjectFormValues) => BUDGET_FIELDS.map((f) => v[f]), form);
  const totalFen = (budget ?? []).reduce((sum, text) => {
    const parsed = parseYuan(text);
    return 'fen' in parsed ? sum + BigInt(parsed.fen) : sum;
  }, 0n);

  return (
    <>
      <Divider titlePlacement="start">{t('projectForm.sections.basics')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="code"
            label={t('projectForm.code')}
            extra={mode === 'create' ? t('projectForm.codeHelp') : undefined}
            rules={[required(t('projectForm.code'))]}
          >
            <Input disabled={mode === 'edit'} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="risk" label={t('projectForm.risk')}>
            <Select options={RISK_LEVELS.map((r) => ({ value: r, label: t(`projects.riskValue.${r}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="nameZh"
            label={t('projectForm.nameZh')}
            rules={[required(t('projectForm.nameZh')), maxLength(LIMITS.shortText)]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('projectForm.nameEn')} rules={[maxLength(LIMITS.shortText)]}>
            <Input lang="en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="regionCode"
            label={t('projectForm.region')}
            rules={[{ required: true, message: t('projectForm.required', { field: t('projectForm.region') }) }]}
          >
            <TreeSelect treeData={regionTree} loading={regionsLoading} showSearch treeNodeFilterProp="title" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="sector"
            label={t('projectForm.sector')}
            rules={[{ required: true, message: t('projectForm.required', { field: t('projectForm.sector') }) }]}
          >
            <Select options={SECTORS.map((s) => ({ value: s, label: t(`projects.sectorValue.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="implementingUnit"
            label={t('projectForm.implementingUnit')}
            rules={[required(t('projectForm.implementingUnit')), maxLength(LIMITS.shortText)]}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="officerIds" label={t('projectForm.officers')} extra={t('projectForm.officersHelp')}>
            <Select
              mode="multiple"
              loading={staffLoading}
              optionFilterProp="label"
              options={(staffData?.projectStaff ?? []).map((u) => ({
                value: u.id,
                label: `${u.displayName}（${t(`role.${u.role}`)}）`,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('projectForm.sections.schedule')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="plannedStart"
            label={t('projectForm.plannedStart')}
            rules={[{ required: true, message: t('projectForm.required', { field: t('projectForm.plannedStart') }) }]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="plannedEnd"
            label={t('projectForm.plannedEnd')}
            dependencies={['plannedStart']}
            rules={[
              { required: true, message: t('projectForm.required', { field: t('projectForm.plannedEnd') }) },
              ({ getFieldValue }) => ({
                validator: (_, value?: ProjectFormValues['plannedEnd']) => {
                  const start = getFieldValue('plannedStart') as ProjectFormValues['plannedStart'];
                  return value && start && value.isBefore(start, 'day')
                    ? Promise.reject(new Error(t('projectForm.endBeforeStart')))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>

      <Divider titlePlacement="start">{t('projectForm.sections.budget')}</Divider>
      <Row gutter={16}>
        {BUDGET_FIELDS.map((field) => (
          <Col xs={24} md={8} key={field}>
            <Form.Item name={field} label={t(`projectForm.${field}`)} rules={[moneyRule]}>
              <Input inputMode="decimal" autoComplete="off" style={{ textAlign: 'right' }} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Typography.Paragraph strong aria-live="polite">
        {t('projectForm.budgetTotal', { amount: fenToYuan(totalFen.toString()) })}
      </Typography.Paragraph>

      <Divider titlePlacement="start">{t('projectForm.sections.indicators')}</Divider>
      <Form.List name="indicators">
        {(fields, { add, remove }) => (
          <>
            {fields.map(({ key, name }) => {
              const index = name + 1;
              return (
                <Row gutter={8} key={key} align="top">
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[name, 'nameZh']}
                      label={t('projectForm.indicator.nameZh', { index })}
                      rules={[required(t('projectForm.indicator.nameZh', { index })), maxLength(LIMITS.shortText)]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[name, 'nameEn']}
                      label={t('projectForm.indicator.nameEn', { index })}
                      rules={[maxLength(LIMITS.shortText)]}
                    >
                      <Input lang="en" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[name, 'unit']}
                      label={t('projectForm.indicator.unit', { index })}
                      rules={[required(t('projectForm.indicator.unit', { index })), maxLength(40)]}
                    >
                      <Input />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[name, 'baseline']} label={t('projectForm.indicator.baseline', { index })}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[name, 'target']}
                      label={t('projectForm.indicator.target', { index })}
                      rules={[
                        {
                          required: true,
                          message: t('projectForm.required', { field: t('projectForm.indicator.target', { index }) }),
                        },
                      ]}
                    >
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={10} md={3}>
                    <Form.Item name={[name, 'actual']} label={t('projectForm.indicator.actual', { index })}>
                      <InputNumber style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={2} md={2} style={{ paddingTop: 30 }}>
                    <Button
                      type="text"
                      danger
                      icon={<MinusCircleOutlined />}
                      aria-label={t('projectForm.indicator.remove', { index })}
                      onClick={() => remove(name)}
                    />
                  </Col>
                </Row>
              );
            })}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ baseline: 0 })}
              style={{ marginBottom: 24 }}
            >
              {t('projectForm.indicator.add')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
