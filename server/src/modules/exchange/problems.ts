// The messages of import refusals, in both languages. {v} is the offending value, {d} a detail.
import type { Lang } from './labels';

const MESSAGES: Record<string, { zh: string; en: string }> = {
  EMPTY_FILE: { zh: '文件为空：{d}', en: 'The file is empty: {d}' },
  FILE_TOO_LARGE: { zh: '文件超过 {d} MB 的大小限制', en: 'The file is larger than the {d} MB limit' },
  WRONG_TYPE: {
    zh: '文件类型不对（{d}）：请上传 .xlsx 或 .csv 文件',
    en: 'Wrong file type ({d}): upload an .xlsx or .csv file',
  },
  MACRO: {
    zh: '文件含有宏（{d}），不予接收：请另存为普通 .xlsx 工作簿',
    en: 'The file contains macros ({d}) and is refused: save it as a plain .xlsx workbook',
  },
  ZIP_BOMB: {
    zh: '压缩包解压后过大或结构异常，不予接收：{d}',
    en: 'The archive would inflate beyond the limits and is refused: {d}',
  },
  BROKEN_ARCHIVE: { zh: '文件已损坏，无法读取：{d}', en: 'The file is damaged and cannot be read: {d}' },
  NOT_XLSX: { zh: '不是 Excel 工作簿：{d}', en: 'Not an Excel workbook: {d}' },
  NO_SHEET: { zh: '工作簿中没有工作表', en: 'The workbook has no worksheet' },
  NOT_UTF8: {
    zh: 'CSV 文件不是 UTF-8 编码：请在 Excel 中另存为“CSV UTF-8”',
    en: 'The CSV file is not UTF-8: save it from Excel as "CSV UTF-8"',
  },
  BAD_CSV: { zh: 'CSV 格式错误：{d}', en: 'The CSV is malformed: {d}' },
  TOO_MANY_ROWS: {
    zh: '行数过多（{d} 行），每次最多导入 50000 行',
    en: 'Too many rows ({d}); at most 50,000 per file',
  },
  NO_ROWS: { zh: '文件中没有数据行', en: 'The file has no data rows' },
  MISSING_COLUMN: { zh: '缺少必填列“{v}”', en: 'The required column "{v}" is missing' },
  UNKNOWN_COLUMN: {
    zh: '无法识别的列“{v}”：请使用模板中的列名',
    en: 'Unknown column "{v}": use the column names of the template',
  },
  DUPLICATE_COLUMN: { zh: '列“{v}”出现了两次', en: 'The column "{v}" appears twice' },
  REQUIRED: { zh: '必须填写', en: 'is required' },
  FORMULA: {
    zh: '单元格含有公式（{v}），请只填写数值',
    en: 'The cell holds a formula ({v}); enter values, not formulas',
  },
  CELL_ERROR: { zh: '单元格有错误值（{v}）', en: 'The cell holds an error value ({v})' },
  BAD_DATE: {
    zh: '“{v}”不是有效日期，应为 YYYY-MM-DD 格式的日期',
    en: '"{v}" is not a valid date; expected a date as YYYY-MM-DD',
  },
  NOT_A_NUMBER: { zh: '“{v}”不是数字', en: '"{v}" is not a number' },
  NEGATIVE_AMOUNT: { zh: '金额“{v}”不能为负数', en: 'The amount "{v}" must not be negative' },
  TOO_PRECISE: { zh: '金额“{v}”最多保留两位小数', en: 'The amount "{v}" has more than two decimals' },
  TOO_LARGE: { zh: '金额“{v}”过大', en: 'The amount "{v}" is too large' },
  UNKNOWN_REGION: { zh: '地区代码“{v}”不存在', en: 'No region has the code "{v}"' },
  OUT_OF_SCOPE: { zh: '地区“{v}”不在您的管辖范围内', en: 'Region "{v}" is outside your region scope' },
  UNKNOWN_SECTOR: { zh: '领域“{v}”无法识别；可选：{d}', en: 'Unknown sector "{v}"; one of: {d}' },
  UNKNOWN_STATUS: { zh: '状态“{v}”无法识别；可选：{d}', en: 'Unknown status "{v}"; one of: {d}' },
  UNKNOWN_RISK: { zh: '风险等级“{v}”无法识别；可选：{d}', en: 'Unknown risk level "{v}"; one of: {d}' },
  INVALID: { zh: '“{v}”无效：{d}', en: '"{v}" is not valid: {d}' },
  DUPLICATE_ROW: { zh: '“{v}”在第 {d} 行已出现过', en: '"{v}" already appears in row {d}' },
  FORBIDDEN: {
    zh: '您无权修改项目“{v}”：只有其负责专员、主管和管理员可以修改',
    en: 'You may not change project "{v}": only its responsible officers, managers and admins may',
  },
  UNKNOWN_PROJECT: {
    zh: '项目编号“{v}”不存在（或不在您的范围内）',
    en: 'No project "{v}" (or it is outside your scope)',
  },
  BAD_TRANSITION: {
    zh: '项目状态不能从“{v}”变为“{d}”',
    en: 'The project status cannot go from "{v}" to "{d}"',
  },
  REASON_REQUIRED: {
    zh: '将项目改为“{v}”时必须填写状态说明',
    en: 'A status reason is required to move a project to "{v}"',
  },
  AMBIGUOUS: {
    zh: '项目中有多个名为“{v}”的里程碑，无法确定要更新哪一个',
    en: 'The project has several milestones titled "{v}"; cannot tell which to update',
  },
  DATE_ORDER: { zh: '不能早于{d}', en: 'must not be before {d}' },
  FUTURE_DATE: { zh: '实际日期“{v}”不能晚于今天', en: 'The actual date "{v}" must not be in the future' },
  DONE_NEEDS_DATE: { zh: '已完成的里程碑必须填写实际日期', en: 'A done milestone needs its actual date' },
  BAD_PERCENT: { zh: '“{v}”应为 0 到 100 的整数', en: '"{v}" must be a whole number from 0 to 100' },
  WRITE_FAILED: { zh: '写入失败：{d}', en: 'Writing failed: {d}' },
};

export function problemMessage(code: string, lang: Lang, v = '', d = ''): string {
  const m = MESSAGES[code] ?? { zh: '{d}', en: '{d}' };
  return (lang === 'en' ? m.en : m.zh).replace('{v}', v).replace('{d}', d);
}
