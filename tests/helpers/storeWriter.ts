// A process that writes one large file into an archive's store through the store's own atomic
// write, for a test to kill it half-way (the debris a killed import leaves).
import { FileStore } from '../../electron/engine/archive/fileStore';

const [storeRoot, megabytes] = process.argv.slice(2);
const bytes = Buffer.alloc(Number(megabytes) * 1024 * 1024, 7);
process.stdout.write('writing\n');
await new FileStore(storeRoot!).put(bytes);
process.stdout.write('done\n');
