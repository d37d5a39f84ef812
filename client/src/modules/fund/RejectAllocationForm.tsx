import { useMutation } from '@apollo/client/react';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LIMITS } from '@pat/shared';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { FUND_QUERIES_TO_REFRESH, REJECT_ALLOCATION_MUTATION } from './fund.graphql';
import { FormButtons, FormErrorAlert } from './FundFormParts';
import { firstErrorMessage, showServerFieldErrors } from './serverFieldErrors';

const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type Values = { reason: string };

/** Rejecting a proposal always says why: the proposer reads the reason. */
export function RejectAllocationForm({
  allocationId,
  onDone,
  onCancel,
}: {
  allocationId: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [dirty, setDirty] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [reject, { loading }] = useMutation(REJECT_ALLOCATION_MUTATION, {
    refetchQueries: FUND_QUERIES_TO_REFRESH,
    awaitRefetchQueries: true,
  });
  useUnsavedChangesWarning(dirty);

  const submit = async (values: Values) => {
    setFormError(undefined);
    try {
      await reject({ variables: { id: allocationId, reason: values.reason.trim() } });
      setDirty(false);
      void message.success(t('fund.reject.saved'));
      onDone();
    } catch (error) {
      if (!showServerFieldErrors(form, error, { reason: 'reason' }))
        setFormError(firstErrorMessage(error, t('errors.unexpected')));
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="reason"
        label={t('fund.reject.reason')}
        rules={[
          { required: true, whitespace: true, message: t('fund.reject.reasonRequired') },
          { max: LONG_TEXT, message: t('fund.form.tooLong', { max: LONG_TEXT }) },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
      <FormErrorAlert message={formError} />
      <FormButtons submitLabel={t('fund.reject.submit')} loading={loading} onCancel={onCancel} />
    </Form>
  );
}
