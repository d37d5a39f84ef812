import { useMutation } from '@apollo/client/react';
import { App, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS } from '@pat/shared';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FUND_QUERIES_TO_REFRESH, REVERSE_ALLOCATION_MUTATION, REVERSE_DISBURSEMENT_MUTATION } from './fund.graphql';
import { FormButtons, FormErrorAlert, YuanAmountItem } from './FundFormParts';
import { firstErrorMessage, showServerFieldErrors } from './serverFieldErrors';
import { fenOf, fenToYuan } from '../../components/yuan';

const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type Values = { amount: string; reason: string; bookYear?: number };

const FIELD_FOR: Record<string, keyof Values> = {
  'input.amount': 'amount',
  'input.reason': 'reason',
  'input.bookYear': 'bookYear',
};

export type ReversalTarget = {
  kind: 'DISBURSEMENT' | 'ALLOCATION';
  /** The disbursement's or the allocation's id. */
  id: string;
  amount: string;
  /** The budget year of the original entry. */
  year: number;
};

/** A correction is a reversal entry with a reason, never an edit: the original stays in the ledger. */
export function ReversalForm({
  target,
  yearClosed,
  openYears,
  onDone,
  onCancel,
}: {
  target: ReversalTarget;
  yearClosed: boolean;
  openYears: readonly number[];
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const options = { refetchQueries: FUND_QUERIES_TO_REFRESH, awaitRefetchQueries: true };
  const [reverseDisbursement, disbursementState] = useMutation(REVERSE_DISBURSEMENT_MUTATION, options);
  const [reverseAllocation, allocationState] = useMutation(REVERSE_ALLOCATION_MUTATION, options);
  useUnsavedChangesWarning(dirty);

  const submit = async (values: Values) => {
    setFormError(undefined);
    const input = {
      amount: fenOf(values.amount) ?? '',
      reason: values.reason.trim(),
      bookYear: yearClosed ? values.bookYear : undefined,
    };
    try {
      if (target.kind === 'DISBURSEMENT') await reverseDisbursement({ variables: { id: target.id, input } });
      else await reverseAllocation({ variables: { id: target.id, input } });
      setDirty(false);
      void message.success(t('fund.reversal.saved'));
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
      initialValues={{ amount: fenToYuan(target.amount), bookYear: openYears[0] }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <YuanAmountItem label={t('fund.reversal.amount')} />
      <Form.Item
        name="reason"
        label={t('fund.reversal.reason')}
        rules={[
          { required: true, whitespace: true, message: t('fund.reversal.reasonRequired') },
          { max: LONG_TEXT, message: t('fund.form.tooLong', { max: LONG_TEXT }) },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      {yearClosed && (
        <Form.Item
          name="bookYear"
          label={t('fund.reversal.bookYear')}
          extra={t('fund.reversal.bookYearHint', { year: target.year })}
          rules={[{ required: true, message: t('fund.reversal.bookYearRequired') }]}
        >
          <Select options={openYears.map((y) => ({ value: y, label: String(y) }))} style={{ maxWidth: 160 }} />
        </Form.Item>
      )}
      <FormErrorAlert message={formError} />
      <FormButtons
        submitLabel={t('fund.reversal.submit')}
        loading={disbursementState.loading || allocationState.loading}
        onCancel={onCancel}
      />
    </Form>
  );
}
