import { App, Drawer, type DrawerProps } from 'antd';
import { useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { confirmDiscard } from './confirmDiscard';
import { FormDirtyContext } from './useUnsavedChangesWarning';

/**
 * A drawer holding a form: closing it with × or Esc while the form has unsaved edits asks first,
 * like the form's Cancel does. The form reports its state through `useUnsavedChangesWarning`.
 */
export function FormDrawer({ onClose, children, ...props }: DrawerProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const dirty = useRef(false);
  const reportDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);

  return (
    <Drawer {...props} onClose={(event) => confirmDiscard(dirty.current, modal, t, () => onClose?.(event))}>
      <FormDirtyContext.Provider value={reportDirty}>{children}</FormDirtyContext.Provider>
    </Drawer>
  );
}
