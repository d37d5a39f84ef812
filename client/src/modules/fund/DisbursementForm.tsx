import { useMutation } from '@apollo/client/react';
import { App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS } from '@pat/shared';
import { isNetworkError } from '../../app/apiErrors';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FUND_QUERIES_TO_REFRESH, RECORD_DISBURSEMENT_MUTATION } from './fund.graphql';
import { FormButtons, FormErrorAlert, YuanAmountItem } from './FundFormParts';
import { useFormatMoney } from './FundMoney';
import { newIdempotencyKey } from './idempotencyKey';
import { firstErrorMessage, showServerFieldErrors } from './serverFieldErrors';
import { fenOf } from '../../components/yuan';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;
const VOUCHER_MAX = 64;

type Values = { amount: string; date?: Dayjs; voucherNo: string; payee: string; note?: string };

const FIELD_FOR: Record<string, keyof Values> = {
  'input.amount': 'amount',
  'input.date': 'date',
  'input.voucherNo': 'voucherNo',
  'input.payee': 'payee',
  'input.note': 'note',
};

type DisbursementFormProps = {
  allocation: { id: string; year: number; remaining: string };
  onDone: () => void;
  onCancel?: () => void;
};

/**
 * One payment against an approved allocation. Sent twice (double click, retry after a network
 * failure) it is recorded once: the form keeps one idempotency key until the payment is recorded,
 * and ignores a second submit while the first is in flight.
 */
export function DisbursementForm({ allocation, onDone, onCancel }: DisbursementFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatMoney = useFormatMoney();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const inFlight = useRef(false);
  // One form instance is one payment: once recorded, a late second submit (an Enter still being
  // validated) must not send it again.
  const recorded = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [recordDisbursement] = useMutation(RECORD_DISBURSEMENT_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  useUnsavedChangesWarning(dirty);

  const submit = async (values: Values) => {
    if (inFlight.current || recorded.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setFormError(undefined);
    try {
      await recordDisbursement({
        variables: {
          input: {
            allocationId: allocation.id,
            amount: fenOf(values.amount) ?? '',
            date: values.date?.format('YYYY-MM-DD') ?? '',
            voucherNo: values.voucherNo.trim(),
            payee: values.payee.trim(),
            note: values.note?.trim() || undefined,
            idempotencyKey,
          },
        },
      });
      recorded.current = true;
      setDirty(false);
      void message.success(t('fund.disbursement.saved'));
      onDone();
    } catch (error) {
      // The key stays: a retry of this same payment is answered with the first result, never a second payment.
      if (isNetworkError(error)) setFormError(t('fund.disbursement.retryable'));
      else if (!showServerFieldErrors(form, error, FIELD_FOR))
        setFormError(firstErrorMessage(error, t('errors.unexpected')));
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  const remaining = BigInt(allocation.remaining);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <p>{t('fund.disbursement.remaining', { amount: formatMoney(allocation.remaining) })}</p>
      <YuanAmountItem
        label={t('fund.disbursement.amount')}
        extraRule={(text) =>
          BigInt(fenOf(text) ?? '0') > remaining
            ? t('fund.disbursement.amountOverRemaining', { amount: formatMoney(allocation.remaining) })
            : undefined
        }
      />
      <Form.Item
        name="date"
        label={t('fund.disbursement.date')}
        rules={[
          { required: true, message: t('fund.disbursement.dateRequired') },
          {
            validator: (_, value?: Dayjs) =>
              !value || value.year() === allocation.year
                ? Promise.resolve()
                : Promise.reject(new Error(t('fund.disbursement.dateInYear', { year: allocation.year }))),
          },
        ]}
      >
        <DatePicker format="YYYY-MM-DD" />
      </Form.Item>
      <Form.Item
        name="voucherNo"
        label={t('fund.disbursement.voucherNo')}
        rules={[
          { required: true, whitespace: true, message: t('fund.disbursement.voucherRequired') },
          { max: VOUCHER_MAX, message: t('fund.form.tooLong', { max: VOUCHER_MAX }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="payee"
        label={t('fund.disbursement.payee')}
        rules={[
          { required: true, whitespace: true, message: t('fund.disbursement.payeeRequired') },
          { max: SHORT_TEXT, message: t('fund.form.tooLong', { max: SHORT_TEXT }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('fund.disbursement.note')}
        rules={[{ max: LONG_TEXT, message: t('fund.form.tooLong', { max: LONG_TEXT }) }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <FormErrorAlert message={formError} />
      <FormButtons submitLabel={t('fund.disbursement.submit')} loading={submitting} onCancel={onCancel} />
    </Form>
  );
}
