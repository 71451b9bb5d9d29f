/**
 * The archive the archive-damaged test opens: two documents, then 8 zero bytes over one page of
 * the database (a bad sector). Run as a script (node --import tsx) before the preview starts.
 */
import path from 'node:path';
import { smallArchive } from '../helpers/faultSetup';
import { zeroLeafPage } from '../helpers/archiveDamage';

const [dataDir] = process.argv.slice(2) as [string];
await smallArchive(dataDir);
zeroLeafPage(path.join(dataDir, 'archive.sqlite'), 'pages', 'last');
