/** Files from a drop, folders walked recursively (browser File System Entry API). The name kept
 *  is the path inside the dropped folder, so "scans/2024/cv-12.pdf" stays recognisable. A dropped
 *  item with no file-system entry (files handed over by another page or program) is taken as the
 *  plain file it is. */
export async function collectDroppedFiles(
  items: DataTransferItemList,
): Promise<{ file: File; name: string }[]> {
  const out: { file: File; name: string }[] = [];
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    if (entry) entries.push(entry);
    else {
      const file = item.getAsFile();
      if (file) out.push({ file, name: file.name });
    }
  }
  const walk = async (entry: FileSystemEntry, prefix: string): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      out.push({ file, name: file.name });
      return;
    }
    if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      // readEntries returns at most ~100 entries per call: read until it returns none.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const child of batch) await walk(child, `${prefix}${entry.name}/`);
      }
    }
  };
  for (const entry of entries) await walk(entry, '');
  return out;
}
