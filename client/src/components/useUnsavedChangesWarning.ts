import { App } from 'antd';
import { createContext, useContext, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/** Set by a `FormDrawer` so the form inside can tell it whether closing would lose edits. */
export const FormDirtyContext = createContext<((dirty: boolean) => void) | null>(null);

/**
 * While `dirty`, asks before leaving the page: in-app navigation gets a confirm dialog, closing or
 * reloading the tab gets the browser's own prompt. Pass the form's "has unsaved edits" state.
 * Inside a `FormDrawer` it also tells the drawer, so × and Esc ask too.
 */
export function useUnsavedChangesWarning(dirty: boolean): void {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const reportDirty = useContext(FormDirtyContext);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
  );

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: t('common.unsavedTitle'),
      content: t('common.unsavedBody'),
      okText: t('common.unsavedLeave'),
      cancelText: t('common.unsavedStay'),
      onOk: () => blocker.proceed?.(),
      onCancel: () => blocker.reset?.(),
    });
  }, [blocker, modal, t]);

  useEffect(() => {
    if (!reportDirty) return;
    reportDirty(dirty);
    return () => reportDirty(false);
  }, [reportDirty, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}
