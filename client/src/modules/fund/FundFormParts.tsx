import { Alert, Button, Flex, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { fenOf } from '../../components/yuan';

/** A positive amount of 元 with at most two decimals. */
const isPositiveYuan = (text: string): boolean => BigInt(fenOf(text) ?? '0') > 0n;

/** The amount field every fund form shares: 元 with at most two decimals, sent as exact fen. */
export function YuanAmountItem({
  name = 'amount',
  label,
  extraRule,
}: {
  name?: string;
  label: string;
  /** A further check on a well-formed amount, e.g. "at most the remaining balance"; returns a message. */
  extraRule?: (text: string) => string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={t('fund.form.amountHint')}
      rules={[
        { required: true, whitespace: true, message: t('fund.form.amountRequired') },
        {
          validator: (_, value: unknown) => {
            if (typeof value !== 'string' || value.trim() === '') return Promise.resolve();
            if (!isPositiveYuan(value)) return Promise.reject(new Error(t('fund.form.amountInvalid')));
            const problem = extraRule?.(value);
            return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
          },
        },
      ]}
    >
      <Input inputMode="decimal" suffix={t('fund.money.unitYuan')} style={{ maxWidth: 280 }} />
    </Form.Item>
  );
}

export function FormErrorAlert({ message }: { message?: string }) {
  return message ? <Alert type="error" showIcon title={message} role="alert" style={{ marginBottom: 16 }} /> : null;
}

export function FormButtons({
  submitLabel,
  loading,
  onCancel,
}: {
  submitLabel: string;
  loading: boolean;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap="small" justify="end">
      {onCancel && <Button onClick={onCancel}>{t('fund.form.cancel')}</Button>}
      <Button type="primary" htmlType="submit" loading={loading} disabled={loading}>
        {submitLabel}
      </Button>
    </Flex>
  );
}

/** A dialog whose form exists only while it is open, so each opening starts clean. */
export function FormDialog({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={560}>
      {open ? children : null}
    </Modal>
  );
}
