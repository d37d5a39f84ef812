import { useMutation } from '@apollo/client/react';
import { App, Form } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { CARRY_OVER_MUTATION, FUND_QUERIES_TO_REFRESH } from './fund.graphql';
import { FormButtons, FormErrorAlert, YuanAmountItem } from './FundFormParts';
import { useFormatMoney } from './FundMoney';
import { firstErrorMessage, showServerFieldErrors } from './serverFieldErrors';
import { fenOf, fenToYuan } from '../../components/yuan';

type Values = { amount: string };

/** Moves an allocation's unspent money into a new approved allocation of the next year. */
export function CarryOverForm({
  allocation,
  onDone,
  onCancel,
}: {
  allocation: { id: string; year: number; remaining: string };
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const formatMoney = useFormatMoney();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [carryOver, { loading }] = useMutation(CARRY_OVER_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  useUnsavedChangesWarning(dirty);
  const remaining = BigInt(allocation.remaining);

  const submit = async (values: Values) => {
    setFormError(undefined);
    try {
      await carryOver({
        variables: {
          fromYear: allocation.year,
          allocationId: allocation.id,
          amount: fenOf(values.amount) ?? '',
        },
      });
      setDirty(false);
      void message.success(t('fund.carryOver.saved', { year: allocation.year + 1 }));
      onDone();
    } catch (error) {
      if (!showServerFieldErrors(form, error, { amount: 'amount' }))
        setFormError(firstErrorMessage(error, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ amount: fenToYuan(allocation.remaining) }}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <p>
        {t('fund.carryOver.explain', {
          amount: formatMoney(allocation.remaining),
          from: allocation.year,
          to: allocation.year + 1,
        })}
      </p>
      <YuanAmountItem
        label={t('fund.carryOver.amount')}
        extraRule={(text) =>
          BigInt(fenOf(text) ?? '0') > remaining
            ? t('fund.carryOver.overRemaining', { amount: formatMoney(allocation.remaining) })
            : undefined
        }
      />
      <FormErrorAlert message={formError} />
      <FormButtons submitLabel={t('fund.carryOver.submit')} loading={loading} onCancel={onCancel} />
    </Form>
  );
}
