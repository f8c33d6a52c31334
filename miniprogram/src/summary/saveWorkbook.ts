import Taro from '@tarojs/taro';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const TEXT = {
  writeFailed: '表格没能保存到手机，请检查存储空间后再试',
  openFailed: '表格已保存，但没能打开，请稍后再试',
} as const;

export interface Workbook {
  filename: string;
  base64: string;
}

export type SaveOutcome = { ok: true } | { ok: false; message: string };

/** A file name the phone's file system accepts whatever the server called it. */
const safeName = (filename: string) => filename.replace(/[\\/:*?"<>|]/g, '_');

/** h5: the browser downloads the workbook as a file. */
function download({ filename, base64 }: Workbook): SaveOutcome {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  const link = document.createElement('a');
  link.href = url;
  link.download = safeName(filename);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give slow browsers a moment before letting it go.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return { ok: true };
}

/** weapp: written to the mini-program's own folder, then opened in WeChat's viewer (with 转发 / 用其他应用打开). */
async function saveAndOpen({ filename, base64 }: Workbook): Promise<SaveOutcome> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeName(filename)}`;
  const written = await new Promise<boolean>((resolve) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: base64,
      encoding: 'base64',
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
  if (!written) return { ok: false, message: TEXT.writeFailed };
  try {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return { ok: true };
  } catch {
    return { ok: false, message: TEXT.openFailed };
  }
}

/** Puts an exported workbook in the person's hands the way each platform can. */
export function saveWorkbook(workbook: Workbook): Promise<SaveOutcome> {
  return process.env.TARO_ENV === 'h5' ? Promise.resolve(download(workbook)) : saveAndOpen(workbook);
}
