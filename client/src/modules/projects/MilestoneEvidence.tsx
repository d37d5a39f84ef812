import { PaperClipOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EvidenceList, EvidenceUpload } from '../../components/EvidenceUpload';
import type { MilestoneItem } from './projects.graphql';

type MilestoneEvidenceProps = {
  milestone: MilestoneItem;
  title: string;
  canEdit: boolean;
  onUploaded: () => void;
};

/** A milestone's evidence on the timeline, and for those who may, a drop zone to add more. */
export function MilestoneEvidence({ milestone, title, canEdit, onUploaded }: MilestoneEvidenceProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <EvidenceList documents={milestone.documents} />
      {canEdit && (
        <Button
          type="link"
          size="small"
          icon={<PaperClipOutlined />}
          aria-expanded={open}
          aria-label={open ? t('evidence.hide') : t('evidence.addFor', { title })}
          onClick={() => setOpen(!open)}
          style={{ paddingInline: 0 }}
        >
          {open ? t('evidence.hide') : t('evidence.add')}
        </Button>
      )}
      {canEdit && open && (
        <div style={{ maxWidth: 480, marginTop: 8 }}>
          <EvidenceUpload recordKind="MILESTONE" recordId={milestone.id} onUploaded={onUploaded} />
        </div>
      )}
    </div>
  );
}
