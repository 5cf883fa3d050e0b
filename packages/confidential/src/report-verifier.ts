/**
 * The `verifyReport` hook of verifyAttestation (attestation.ts) for hardware evidence: `sev-snp`
 * reports are checked by sev-snp.ts, `tdx` quotes by tdx.ts, each against its own policy. Evidence
 * of a kind no options were given for is refused.
 */
import type { SnpGeneration } from './amd-roots.js';
import { ConfidentialError } from './errors.js';
import { parseSnpReport, verifySnpEvidence, type SnpPolicy, type SnpReport, type SnpRoots } from './sev-snp.js';
import { verifyTdxQuote, type TdxPolicy } from './tdx.js';

export interface ReportVerifierOptions {
  /** SEV-SNP: `vcekFor` finds the chip's VCEK certificate (a cache, or AMD's KDS at kdsVcekUrl). */
  snp?: { vcekFor(report: SnpReport): Promise<string | Uint8Array>; policy?: SnpPolicy; generation?: SnpGeneration; roots?: SnpRoots };
  /** TDX: the quote carries its PCK chain; `root` replaces Intel's pinned root (tests only). */
  tdx?: { policy?: TdxPolicy; root?: string };
}

export function reportVerifier(opts: ReportVerifierOptions) {
  return async (type: 'sev-snp' | 'tdx', report: Uint8Array, reportData: Uint8Array): Promise<void> => {
    if (type === 'sev-snp' && opts.snp) {
      const vcek = await opts.snp.vcekFor(parseSnpReport(report));
      verifySnpEvidence({ report, vcek, generation: opts.snp.generation }, reportData, opts.snp.policy, opts.snp.roots);
      return;
    }
    if (type === 'tdx' && opts.tdx) {
      verifyTdxQuote(report, reportData, opts.tdx.policy, opts.tdx.root);
      return;
    }
    throw new ConfidentialError('evidence_not_attested', `No verifier for ${type} evidence was configured; refused.`);
  };
}
