import type { Widen } from '../widen';

/** Reading and writing files: the words every export and import shares. */
export const filesZhCN = {
  format: '导出格式',
  csv: 'CSV',
  xlsx: 'Excel',
  exportXlsx: '导出 Excel',
  pick: '选择文件（CSV 或 Excel）',
  readAs: '已读取 {rows} 行（{format}）',
  encoding: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8（带 BOM）',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    gb18030: 'GBK / GB18030',
  },
  failure: {
    FILE_EMPTY: '文件是空的，没有可读取的行',
    FILE_UNREADABLE: '无法读取该文件：它不是有效的 Excel 工作簿',
  },
};

export const filesEn: Widen<typeof filesZhCN> = {
  format: 'Export format',
  csv: 'CSV',
  xlsx: 'Excel',
  exportXlsx: 'Export Excel',
  pick: 'Choose a file (CSV or Excel)',
  readAs: 'Read {rows} rows ({format})',
  encoding: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (with BOM)',
    'utf-16le': 'UTF-16',
    'utf-16be': 'UTF-16',
    gb18030: 'GBK / GB18030',
  },
  failure: {
    FILE_EMPTY: 'The file is empty: there is no row to read',
    FILE_UNREADABLE: 'The file cannot be read: it is not a valid Excel workbook',
  },
};
