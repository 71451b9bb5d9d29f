/**
 * Writes the support-payment decision with 14 named beneficiaries (bench/lib/supportDecision.ts)
 * as a born-digital PDF for the redaction spec to upload. Run as a script:
 *   node --import tsx tests/e2e/supportDecisionFile.ts OUT.pdf
 */
import { writeFileSync } from 'node:fs';
import { beneficiaries, supportDecisionPdf } from '../../bench/lib/supportDecision';

const [out] = process.argv.slice(2) as [string];
writeFileSync(out, await supportDecisionPdf(beneficiaries(14)));
