import { PlusOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiRole } from '../../app/roles';
import { useCurrentUser } from '../auth/currentUser';

// docs/permissions.md: admins, managers and officers create projects.
export const PROJECT_CREATOR_ROLES: readonly ApiRole[] = ['ADMIN', 'MANAGER', 'OFFICER'];

/** Shown only to the roles that may create a project. */
export function NewProjectButton() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  if (!PROJECT_CREATOR_ROLES.includes(user.role)) return null;
  return (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      onClick={() => void navigate('/projects/new')}
      style={{ marginBottom: 16 }}
    >
      {t('projectForm.newButton')}
    </Button>
  );
}
