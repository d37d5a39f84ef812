import type { App } from 'antd';
import type { TFunction } from 'i18next';

type Modal = ReturnType<typeof App.useApp>['modal'];

/** Closing a drawer with unsaved edits asks first, like leaving the page does. */
export function confirmDiscard(dirty: boolean, modal: Modal, t: TFunction, close: () => void): void {
  if (!dirty) {
    close();
    return;
  }
  modal.confirm({
    title: t('common.unsavedTitle'),
    content: t('common.unsavedBody'),
    okText: t('common.unsavedLeave'),
    cancelText: t('common.unsavedStay'),
    onOk: close,
  });
}
