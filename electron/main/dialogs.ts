import { dialog, type BrowserWindow } from 'electron';
import type { PickedFolders } from './hardening';

const DOCUMENT_FILTER = {
  name: 'Tài liệu (PDF, PNG, JPEG, TIFF, WebP)',
  extensions: ['pdf', 'png', 'jpg', 'jpeg', 'tif', 'tiff', 'webp'],
};

/** Native dialogs, in Vietnamese. The paths they return are the user's own choice, which is why
 *  import:files trusts them. */
export function nativeDialogs(window: () => BrowserWindow | null, picked: PickedFolders) {
  const open = (options: Electron.OpenDialogOptions) => {
    const win = window();
    return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
  };
  return {
    async chooseImport(kind: 'files' | 'folder'): Promise<string[]> {
      const result = await open(
        kind === 'files'
          ? {
              title: 'Chọn tệp để nhập',
              buttonLabel: 'Nhập',
              properties: ['openFile', 'multiSelections'],
              filters: [DOCUMENT_FILTER],
            }
          : { title: 'Chọn thư mục để nhập', buttonLabel: 'Nhập thư mục', properties: ['openDirectory'] },
      );
      return result.canceled ? [] : result.filePaths;
    },
    async chooseFolder(): Promise<string | null> {
      const result = await open({
        title: 'Chọn thư mục',
        buttonLabel: 'Chọn',
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.canceled ? null : (result.filePaths[0] ?? null);
      // Only folders that come out of this dialog are accepted by export:run and settings:set.
      if (folder) picked.add(folder);
      return folder;
    },
    async chooseForm(): Promise<string | null> {
      const result = await open({
        title: 'Chọn tệp mẫu phiếu',
        buttonLabel: 'Chọn',
        properties: ['openFile'],
        filters: [{ name: 'Mẫu phiếu (PDF, DOC, DOCX)', extensions: ['pdf', 'doc', 'docx'] }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
