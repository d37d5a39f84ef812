import type { ApolloCache } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Breadcrumb, Button, Card, Flex, Form, Result } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { API_ERROR, findErrorWithCode, graphQLErrorsOf } from '../../app/apiErrors';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeading } from '../../components/PageHeading';
import { useUnsavedChangesWarning } from '../../components/useUnsavedChangesWarning';
import { useCurrentUser } from '../auth/currentUser';
import { PROJECT_CREATOR_ROLES } from './NewProjectButton';
import { ProjectFormFields } from './ProjectFormFields';
import {
  CREATE_PROJECT_MUTATION,
  PROJECT_FORM_QUERY,
  UPDATE_PROJECT_MUTATION,
  type EditableProject,
} from './projectForm.graphql';
import {
  EMPTY_PROJECT_FORM,
  formFieldFor,
  schemaProblems,
  toFormValues,
  toProjectInput,
  type FieldName,
  type ProjectFormValues,
} from './projectFormModel';
import { PROJECT_PAGE_QUERY } from './projects.graphql';

/** /projects/new */
export function NewProjectPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!PROJECT_CREATOR_ROLES.includes(user.role)) return <Result status="403" title={t('projectForm.notEditable')} />;
  return <ProjectForm />;
}

/** /projects/:id/edit */
export function EditProjectPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(PROJECT_FORM_QUERY, { variables: { id } });
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) return <ErrorState title={t('projectForm.loadFailed')} error={error} onRetry={() => void refetch()} />;
  if (!data.project.canEdit) return <Result status="403" title={t('projectForm.notEditable')} />;
  return <ProjectForm project={data.project} onReload={() => refetch().then((r) => r.data?.project)} />;
}

// Lists (any filter or sort) are read again when next shown, so a new or changed project appears.
const evictProjectLists = (cache: ApolloCache) => {
  cache.evict({ id: 'ROOT_QUERY', fieldName: 'projects' });
  cache.gc();
};

type ProjectFormProps = {
  project?: EditableProject;
  /** Reads the project again (after a CONFLICT) and gives the fresh copy. */
  onReload?: () => Promise<EditableProject | undefined>;
};

export function ProjectForm({ project, onReload }: ProjectFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<ProjectFormValues>();
  const [dirty, setDirty] = useState(false);
  const [savedId, setSavedId] = useState<string>();
  const [conflict, setConflict] = useState(false);
  const [formError, setFormError] = useState<string>();
  const mode = project ? 'edit' : 'create';
  useUnsavedChangesWarning(dirty);

  const [createProject, creating] = useMutation(CREATE_PROJECT_MUTATION, { update: evictProjectLists });
  const [updateProject, updating] = useMutation(UPDATE_PROJECT_MUTATION, {
    update: evictProjectLists,
    // Not awaited: the save has succeeded whatever happens to this read.
    refetchQueries: project ? [{ query: PROJECT_PAGE_QUERY, variables: { id: project.id } }] : [],
  });

  // Navigate only once the form is clean, so the unsaved-changes guard lets it through.
  useEffect(() => {
    if (savedId && !dirty) void navigate(`/projects/${savedId}`);
  }, [savedId, dirty, navigate]);

  const showFieldErrors = (fields: { name: FieldName; errors: string[] }[]) =>
    form.setFields(fields as Parameters<typeof form.setFields>[0]);

  const messageFor = (name: FieldName, path: string, serverMessage: string): string => {
    if (name === 'code') return t('projectForm.codeInvalid');
    if (name === 'plannedEnd' && /before/.test(serverMessage)) return t('projectForm.endBeforeStart');
    return path ? serverMessage.replace(new RegExp(`^${path.replace(/\./g, '\\.')}: `), '') : serverMessage;
  };

  const submit = async (values: ProjectFormValues) => {
    setFormError(undefined);
    setConflict(false);
    const input = toProjectInput(values);
    const problems = schemaProblems(input, mode);
    if (problems.length) {
      showFieldErrors(problems.map((p) => ({ name: p.name, errors: [messageFor(p.name, '', p.message)] })));
      return;
    }
    try {
      if (project) {
        const { code: _code, ...changes } = input;
        await updateProject({ variables: { id: project.id, version: project.version, input: changes } });
        void message.success(t('projectForm.saved'));
        setSavedId(project.id);
      } else {
        const result = await createProject({ variables: { input } });
        void message.success(t('projectForm.created'));
        setSavedId(result.data?.createProject.id);
      }
      setDirty(false);
    } catch (error) {
      showServerError(error);
    }
  };

  const showServerError = (error: unknown) => {
    const conflictError = findErrorWithCode(error, API_ERROR.CONFLICT);
    if (conflictError) {
      // A duplicate code names its field; a stale version does not.
      if (conflictError.extensions?.field === 'input.code') {
        form.setFields([{ name: 'code', errors: [t('projectForm.codeTaken')] }]);
      } else {
        setConflict(true);
      }
      return;
    }
    const badInput = findErrorWithCode(error, API_ERROR.BAD_USER_INPUT);
    const listed = badInput?.extensions?.fields;
    const fields = Array.isArray(listed)
      ? (listed as { field: string; message: string }[])
      : typeof badInput?.extensions?.field === 'string'
        ? [{ field: badInput.extensions.field, message: badInput.message }]
        : [];
    const shown = fields.flatMap((f) => {
      const name = formFieldFor(f.field);
      return name ? [{ name, errors: [messageFor(name, f.field, f.message)] }] : [];
    });
    if (shown.length) {
      showFieldErrors(shown);
      return;
    }
    setFormError(graphQLErrorsOf(error)[0]?.message ?? t('errors.unexpected'));
  };

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) form.setFieldsValue(toFormValues(fresh));
    setConflict(false);
    setDirty(false);
  };

  const title = project ? t('projectForm.editTitle', { code: project.code }) : t('projectForm.createTitle');
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/projects">{t('projects.title')}</Link> },
          ...(project ? [{ title: <Link to={`/projects/${project.id}`}>{project.code}</Link> }] : []),
          { title },
        ]}
      />
      <PageHeading>{title}</PageHeading>
      <Card>
        <Form<ProjectFormValues>
          form={form}
          layout="vertical"
          initialValues={project ? toFormValues(project) : EMPTY_PROJECT_FORM}
          onValuesChange={() => setDirty(true)}
          onFinish={(values) => void submit(values)}
          scrollToFirstError
          style={{ maxWidth: 880 }}
        >
          <ProjectFormFields form={form} mode={mode} />
          {conflict && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={t('projectForm.conflict')}
              style={{ marginBottom: 16 }}
              action={
                <Button size="small" onClick={() => void reload()}>
                  {t('projectForm.reload')}
                </Button>
              }
            />
          )}
          {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />}
          <Flex gap="small">
            <Button type="primary" htmlType="submit" loading={creating.loading || updating.loading}>
              {project ? t('projectForm.submitEdit') : t('projectForm.submitCreate')}
            </Button>
            <Button onClick={() => void navigate(project ? `/projects/${project.id}` : '/projects')}>
              {t('projectForm.cancel')}
            </Button>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
