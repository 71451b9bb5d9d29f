import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract/events';

/** The Vietnamese application menu. Commands go to the renderer, which owns navigation. */
export function menuTemplate(
  send: (command: MenuCommand) => void,
  options: { isMac: boolean; devTools: boolean },
): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: 'Thư viện tài liệu', accelerator: 'CmdOrCtrl+1', click: () => send('library') },
    { label: 'Nhập tài liệu', accelerator: 'CmdOrCtrl+2', click: () => send('import') },
    { label: 'Công việc', accelerator: 'CmdOrCtrl+3', click: () => send('jobs') },
    { label: 'Thẩm định mức tiếp cận', accelerator: 'CmdOrCtrl+4', click: () => send('review') },
    { label: 'Cài đặt', accelerator: 'CmdOrCtrl+,', click: () => send('settings') },
    { type: 'separator' },
    { label: 'Phóng to', role: 'zoomIn' },
    { label: 'Thu nhỏ', role: 'zoomOut' },
    { label: 'Cỡ chữ mặc định', role: 'resetZoom' },
    { label: 'Toàn màn hình', role: 'togglefullscreen' },
    ...(options.devTools
      ? [{ type: 'separator' as const }, { label: 'Công cụ nhà phát triển', role: 'toggleDevTools' as const }]
      : []),
  ];
  return [
    ...(options.isMac
      ? [{ label: 'Minh Bạch', submenu: [{ label: 'Thoát Minh Bạch', role: 'quit' as const }] }]
      : []),
    {
      label: 'Tệp',
      submenu: [
        { label: 'Nhập tệp…', accelerator: 'CmdOrCtrl+O', click: () => send('import-files') },
        { label: 'Nhập thư mục…', accelerator: 'CmdOrCtrl+Shift+O', click: () => send('import-folder') },
        { type: 'separator' },
        { label: 'Thoát', role: 'quit' },
      ],
    },
    {
      label: 'Sửa',
      submenu: [
        { label: 'Hoàn tác', role: 'undo' },
        { label: 'Làm lại', role: 'redo' },
        { type: 'separator' },
        { label: 'Cắt', role: 'cut' },
        { label: 'Sao chép', role: 'copy' },
        { label: 'Dán', role: 'paste' },
        { label: 'Chọn tất cả', role: 'selectAll' },
      ],
    },
    { label: 'Xem', submenu: view },
    {
      label: 'Cửa sổ',
      submenu: [
        { label: 'Thu nhỏ cửa sổ', role: 'minimize' },
        { label: 'Đóng cửa sổ', role: 'close' },
      ],
    },
  ];
}
