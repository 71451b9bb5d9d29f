// A second process writing to the archive while a test works on it: appends audit events in
// small transactions until killed. Prints "ready" once it has written.
import { openDatabase } from '../../electron/engine/archive/database';
import { appendAudit } from '../../electron/engine/audit/auditLog';

const db = openDatabase(process.argv[2]!);
let n = 0;
const write = db.transaction(() => {
  for (let i = 0; i < 20; i += 1) appendAudit(db, { actor: 'writer', action: 'test.write', payload: { n: n++, pad: 'x'.repeat(200) } });
});
const tick = () => {
  write.immediate();
  if (n === 20) process.stdout.write('ready\n');
  setImmediate(tick);
};
tick();
