import { useMutation } from '@apollo/client/react';
import type { LIMITS } from '@pat/shared';
import { Alert, App, Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_ERROR, findErrorWithCode } from '../../app/apiErrors';
import { useDrawerForm } from '../../components/useDrawerForm';
import type { PovertyStatus } from '../../generated/graphql';
import { confirmDiscard } from '../../components/confirmDiscard';
import { showServerError, type FieldFor } from '../liaison/fieldErrors';
import { UPDATE_REGION_MUTATION, type RegionProfile } from './regionPage.graphql';

const SHORT_TEXT: (typeof LIMITS)['shortText'] = 200;
// shared/src/regions.ts: the limits updateRegionInput checks.
const MAX_POPULATION = 2_000_000_000;
const MAX_PAIRED_UNITS = 30;
const MAX_UNIT_NAME = 100;
const PHONE = /^$|^[0-9+\-() ]+((ext\.?|转)\s*\d+)?$/i;
export const POVERTY_STATUSES: PovertyStatus[] = ['NATIONAL_KEY_COUNTY', 'POVERTY_LIFTED', 'NOT_DESIGNATED'];

type OfficeValues = { name?: string; address?: string; phone?: string; head?: string };
type ProfileValues = {
  population?: number | null;
  povertyStatus?: PovertyStatus;
  pairedUnits: string[];
  office: OfficeValues;
  lng?: number | null;
  lat?: number | null;
};

const toValues = (r: RegionProfile): ProfileValues => ({
  population: r.population,
  povertyStatus: r.povertyStatus ?? 'NOT_DESIGNATED',
  pairedUnits: [...r.pairedUnits],
  office: { ...(r.liaisonOffice ?? {}) },
  lng: r.location?.lng ?? null,
  lat: r.location?.lat ?? null,
});

// `input.liaisonOffice.phone` → ['office', 'phone']; `input.pairedUnits.3` → ['pairedUnits'].
const fieldFor: FieldFor = (apiField) => {
  const [root, part, key] = apiField.split('.');
  if (root !== 'input' || !part) return undefined;
  if (part === 'liaisonOffice') return key ? ['office', key] : undefined;
  if (part === 'location') return key === 'lat' ? ['lat'] : ['lng'];
  return ['population', 'povertyStatus', 'pairedUnits'].includes(part) ? [part] : undefined;
};

type RegionProfileFormProps = {
  region: RegionProfile;
  /** Reads the region again (after a CONFLICT) and gives the fresh copy. */
  onReload: () => Promise<RegionProfile | undefined>;
  onDone: () => void;
};

export function RegionProfileForm({ region, onReload, onDone }: RegionProfileFormProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ProfileValues>();
  const [base, setBase] = useState(region);
  const [conflict, setConflict] = useState(false);
  const { dirty, setDirty, formError, setFormError, markSaved } = useDrawerForm(onDone);
  // The answer carries the region's id and profile fields: the cached region (and the page) update.
  const [updateRegion, { loading }] = useMutation(UPDATE_REGION_MUTATION);

  const submit = async (v: ProfileValues) => {
    setFormError(undefined);
    setConflict(false);
    const office = v.office ?? {};
    const input = {
      population: v.population ?? undefined,
      povertyStatus: v.povertyStatus,
      pairedUnits: v.pairedUnits.map((u) => u.trim()).filter(Boolean),
      liaisonOffice: {
        name: office.name?.trim() ?? '',
        address: office.address?.trim() ?? '',
        phone: office.phone?.trim() ?? '',
        head: office.head?.trim() ?? '',
      },
      location: v.lng != null && v.lat != null ? { lng: v.lng, lat: v.lat } : undefined,
    };
    try {
      await updateRegion({ variables: { code: base.code, version: base.version, input } });
      void message.success(t('regionPage.profileForm.saved'));
      markSaved();
    } catch (error) {
      const stale = findErrorWithCode(error, API_ERROR.CONFLICT);
      if (stale && !stale.extensions?.field) setConflict(true);
      else setFormError(showServerError(form, error, fieldFor, t('errors.unexpected')));
    }
  };

  const reload = async () => {
    const fresh = await onReload();
    if (fresh) {
      setBase(fresh);
      form.resetFields();
      form.setFieldsValue(toValues(fresh));
    }
    setConflict(false);
    setDirty(false);
  };

  const tooLong = (max: number) => ({ max, message: t('regionPage.profileForm.tooLong', { max }) });
  const bothOrNeither = ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: () =>
      (getFieldValue('lng') == null) === (getFieldValue('lat') == null)
        ? Promise.resolve()
        : Promise.reject(new Error(t('regionPage.profileForm.locationIncomplete'))),
  });

  return (
    <Form<ProfileValues>
      form={form}
      layout="vertical"
      initialValues={toValues(region)}
      onValuesChange={() => setDirty(true)}
      onFinish={(values) => void submit(values)}
    >
      <Flex gap="middle" wrap>
        <Form.Item
          name="population"
          label={t('regionPage.profileForm.population')}
          rules={[
            {
              type: 'integer',
              min: 0,
              max: MAX_POPULATION,
              message: t('regionPage.profileForm.populationInvalid'),
            },
          ]}
        >
          <InputNumber style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="povertyStatus" label={t('regionPage.profileForm.povertyStatus')} style={{ minWidth: 260 }}>
          <Select options={POVERTY_STATUSES.map((s) => ({ value: s, label: t(`regionPage.povertyStatus.${s}`) }))} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="pairedUnits"
        label={t('regionPage.profileForm.pairedUnits')}
        extra={t('regionPage.profileForm.pairedUnitsHint')}
        rules={[
          {
            validator: (_, units: string[] = []) =>
              units.length <= MAX_PAIRED_UNITS && units.every((u) => u.trim().length <= MAX_UNIT_NAME)
                ? Promise.resolve()
                : Promise.reject(new Error(t('regionPage.profileForm.pairedUnitsInvalid'))),
          },
        ]}
      >
        <Select mode="tags" open={false} suffixIcon={null} />
      </Form.Item>
      <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
        <legend style={{ fontSize: 14, fontWeight: 600, marginBottom: 8 }}>{t('regionPage.profileForm.office')}</legend>
        <Flex gap="middle" wrap>
          <Form.Item
            name={['office', 'name']}
            label={t('regionPage.profileForm.officeName')}
            rules={[tooLong(SHORT_TEXT)]}
            style={{ flex: '1 1 240px' }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name={['office', 'head']}
            label={t('regionPage.profileForm.officeHead')}
            rules={[tooLong(80)]}
            style={{ flex: '1 1 160px' }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item
          name={['office', 'address']}
          label={t('regionPage.profileForm.officeAddress')}
          rules={[tooLong(SHORT_TEXT)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name={['office', 'phone']}
          label={t('regionPage.profileForm.officePhone')}
          rules={[tooLong(40), { pattern: PHONE, message: t('regionPage.profileForm.phoneInvalid') }]}
        >
          <Input type="tel" autoComplete="off" style={{ maxWidth: 280 }} />
        </Form.Item>
      </fieldset>
      <Flex gap="middle" wrap>
        <Form.Item
          name="lng"
          label={t('regionPage.profileForm.lng')}
          dependencies={['lat']}
          rules={[
            { type: 'number', min: -180, max: 180, message: t('regionPage.profileForm.lngInvalid') },
            bothOrNeither,
          ]}
        >
          <InputNumber style={{ width: 180 }} />
        </Form.Item>
        <Form.Item
          name="lat"
          label={t('regionPage.profileForm.lat')}
          dependencies={['lng']}
          rules={[
            { type: 'number', min: -90, max: 90, message: t('regionPage.profileForm.latInvalid') },
            bothOrNeither,
          ]}
        >
          <InputNumber style={{ width: 180 }} />
        </Form.Item>
      </Flex>
      {conflict && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t('regionPage.profileForm.conflict')}
          style={{ marginBottom: 16 }}
          action={
            <Button size="small" onClick={() => void reload()}>
              {t('regionPage.profileForm.reload')}
            </Button>
          }
        />
      )}
      {formError && <Alert type="error" showIcon role="alert" title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap="small">
        <Button type="primary" htmlType="submit" loading={loading}>
          {t('regionPage.profileForm.save')}
        </Button>
        <Button onClick={() => confirmDiscard(dirty, modal, t, onDone)}>{t('regionPage.profileForm.cancel')}</Button>
      </Flex>
    </Form>
  );
}
