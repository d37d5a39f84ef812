import { useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, Flex, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDrawerForm } from '../../components/useDrawerForm';
import { confirmDiscard } from '../../components/confirmDiscard';
import { fieldsFromMap, showServerError } from '../liaison/fieldErrors';
import { CREATE_CONTACT_MUTATION, UPDATE_CONTACT_MUTATION, type ContactItem } from './regionPage.graphql';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
const LONG_TEXT: (typeof LIMITS)['longText'] = 5000;

type ContactValues = {
  name?: string;
  title?: string;
  organisation?: string;
  phone?: string;
  email?: string;
  note?: string;
};

const FIELD_FOR = fieldsFromMap({
  'input.name': 'name',
  'input.title': 'title',
  'input.organisation': 'organisation',
  'input.phone': 'phone',
  'input.email': 'email',
  'input.note': 'note',
});

type ContactFormProps = {
  regionCode: string;
  /** The contact to edit; without it the form adds one to `regionCode`. */
  contact?: ContactItem;
  onDone: () => void;
};

export function ContactForm({ regionCode, contact, onDone }: ContactFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ContactValues>();
  const { dirty, setDirty, formError, setFormError, markSaved } = useDrawerForm(onDone);
  // The region page lists the contacts and counts them.
  const refetch = { refetchQueries: ['RegionPage', 'RegionTree'], awaitRefetchQueries: true };
  const [createContact, created] = useMutation(CREATE_CONTACT_MUTATION, refetch);
  const [updateContact, updated] = useMutation(UPDATE_CONTACT_MUTATION, refetch);

  const submit = async (v: ContactValues) => {
    setFormError(undefined);
    const fields = {
      name: v.name?.trim() ?? '',
      title: v.title?.trim() ?? '',
      organisation: v.organisation?.trim() ?? '',
      phone: v.phone?.trim() ?? '',
      email: v.email?.trim() ?? '',
      note: v.note?.trim() ?? '',
    };
    try {
      if (contact) await updateContact({ variables: { id: contact.id, version: contact.version, input: fields } });
      else await createContact({ variables: { input: { regionCode, ...fields } } });
      void message.success(t('regionPage.contactForm.saved'));
      markSaved();
    } catch (error) {
      setFormError(showServerError(form, error, FIELD_FOR, t('errors.unexpected')));
    }
  };

  const tooLong = (max: number) => ({ max, message: t('regionPage.contactForm.tooLong', { max }) });

  return (
    <Form<ContactValues>
      form={form}
      layout="vertical"
      initialValues={contact ?? {}}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Form.Item
        name="name"
        label={t('regionPage.contactForm.name')}
        rules={[{ required: true, whitespace: true, message: t('regionPage.contactForm.nameRequired') }, tooLong(80)]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="title" label={t('regionPage.contactForm.title')} rules={[tooLong(SHORT_TEXT)]}>
        <Input />
      </Form.Item>
      <Form.Item name="organisation" label={t('regionPage.contactForm.organisation')} rules={[tooLong(SHORT_TEXT)]}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={t('regionPage.contactForm.phone')} rules={[tooLong(40)]}>
        <Input type="tel" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('regionPage.contactForm.email')}
        rules={[{ type: 'email', message: t('regionPage.contactForm.emailInvalid') }, tooLong(SHORT_TEXT)]}
      >
        <Input inputMode="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label={t('regionPage.contactForm.note')} rules={[tooLong(LONG_TEXT)]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={created.loading || updated.loading}>
          {t('regionPage.contactForm.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onDone)}>{t('regionPage.contactForm.cancel')}</Button>
      </Flex>
    </Form>
  );
}
