import { DeleteOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphQLErrorsOf } from '../../app/apiErrors';
import { ARCHIVE_CONTACT_MUTATION, type ContactItem } from './regionPage.graphql';

export function ArchiveContactButton({ contact }: { contact: ContactItem }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [archive, { loading }] = useMutation(ARCHIVE_CONTACT_MUTATION, {
    refetchQueries: ['RegionPage', 'RegionTree'],
    awaitRefetchQueries: true,
  });
  const onConfirm = async () => {
    try {
      await archive({ variables: { id: contact.id, version: contact.version } });
      void message.success(t('regionPage.contacts.archived'));
    } catch (error) {
      void message.error(graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected'));
    }
  };
  return (
    <Popconfirm
      title={t('regionPage.contacts.archiveConfirm', { name: contact.name })}
      okText={t('regionPage.contacts.archive')}
      cancelText={t('regionPage.contactForm.cancel')}
      onConfirm={() => onConfirm()}
    >
      <Button
        size="small"
        danger
        loading={loading}
        icon={<DeleteOutlined aria-hidden />}
        aria-label={t('regionPage.contacts.archiveLabel', { name: contact.name })}
      >
        {t('regionPage.contacts.archive')}
      </Button>
    </Popconfirm>
  );
}
