import type { Widen } from '../app/i18n/widen';

export const iatiZh = {
  export: '导出 IATI',
  exportSelected: '导出所选项目（IATI）',
  busy: '正在生成 IATI 文件…',
  hint: '按当前筛选条件导出为 IATI 2.03 活动文件（XML）',
  done: '已导出 {{count}} 个项目的 IATI 文件',
  failed: 'IATI 导出失败：{{message}}',
  selected: '已选 {{count}} 个项目',
  clearSelection: '清除选择',
  selectRow: '选择项目 {{code}}',
  selectColumn: '选择',
} as const;

export const iatiEn: Widen<typeof iatiZh> = {
  export: 'Export IATI',
  exportSelected: 'Export selected (IATI)',
  busy: 'Building the IATI file…',
  hint: 'Export the projects of the current filter as an IATI 2.03 activity file (XML)',
  done: 'Exported the IATI file of {{count}} projects',
  failed: 'The IATI export failed: {{message}}',
  selected: '{{count}} projects selected',
  clearSelection: 'Clear selection',
  selectRow: 'Select project {{code}}',
  selectColumn: 'Select',
};
