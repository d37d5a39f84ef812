import { useEffect, useState } from 'react';
import { useUnsavedChangesWarning } from './useUnsavedChangesWarning';

/**
 * What every drawer form keeps: whether it has unsaved edits (asked about when leaving the page,
 * closing the drawer or pressing Cancel), its form-level error, and closing once a save has landed.
 * `markSaved()` after a successful save clears the edits and then calls `onDone`, so nothing asks.
 */
export function useDrawerForm(onDone: () => void) {
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string>();
  useUnsavedChangesWarning(dirty);
  useEffect(() => {
    if (!saved) return;
    setSaved(false);
    onDone();
  }, [saved, onDone]);
  const markSaved = () => {
    setDirty(false);
    setSaved(true);
  };
  return { dirty, setDirty, formError, setFormError, markSaved };
}
