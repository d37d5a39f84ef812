import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS } from '@pat/shared';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FUND_QUERIES_TO_REFRESH, PROPOSE_ALLOCATION_MUTATION } from './fund.graphql';
import { FormButtons, FormErrorAlert, YuanAmountItem } from './FundFormParts';
import { firstErrorMessage, showServerFieldErrors } from './serverFieldErrors';
import { fenOf } from '../../components/yuan';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type Values = { year?: number; amount: string; purpose: string; fundingSource: string };

const FIELD_FOR: Record<string, keyof Values> = {
  'input.year': 'year',
  'input.amount': 'amount',
  'input.purpose': 'purpose',
  'input.fundingSource': 'fundingSource',
};

/** Asks for special-fund money for a project; a manager other than the proposer decides. */
export function ProposeAllocationForm({
  projectId,
  openYears,
  onDone,
  onCancel,
}: {
  projectId: string;
  openYears: readonly number[];
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [propose, { loading }] = useMutation(PROPOSE_ALLOCATION_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  useUnsavedChangesWarning(dirty);

  const submit = async (values: Values) => {
    setFormError(undefined);
    try {
      await propose({
        variables: {
          input: {
            projectId,
            year: values.year ?? 0,
            amount: fenOf(values.amount) ?? '',
            purpose: values.purpose.trim(),
            fundingSource: values.fundingSource.trim(),
          },
        },
      });
      setDirty(false);
      void message.success(t('fund.propose.saved'));
      onDone();
    } catch (error) {
      if (!showServerFieldErrors(form, error, FIELD_FOR))
        setFormError(firstErrorMessage(error, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ year: openYears[0], fundingSource: t('fund.propose.defaultSource') }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="year"
        label={t('fund.propose.year')}
        extra={openYears.length === 0 ? t('fund.propose.noOpenYear') : undefined}
        rules={[{ required: true, message: t('fund.propose.yearRequired') }]}
      >
        <Select options={openYears.map((y) => ({ value: y, label: String(y) }))} style={{ maxWidth: 160 }} />
      </Form.Item>
      <YuanAmountItem label={t('fund.propose.amount')} />
      <Form.Item
        name="purpose"
        label={t('fund.propose.purpose')}
        rules={[
          { required: true, whitespace: true, message: t('fund.propose.purposeRequired') },
          { max: LONG_TEXT, message: t('fund.form.tooLong', { max: LONG_TEXT }) },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item
        name="fundingSource"
        label={t('fund.propose.fundingSource')}
        rules={[
          { required: true, whitespace: true, message: t('fund.propose.fundingSourceRequired') },
          { max: SHORT_TEXT, message: t('fund.form.tooLong', { max: SHORT_TEXT }) },
        ]}
      >
        <Input />
      </Form.Item>
      <FormErrorAlert message={formError} />
      <FormButtons submitLabel={t('fund.propose.submit')} loading={loading} onCancel={onCancel} />
    </Form>
  );
}
