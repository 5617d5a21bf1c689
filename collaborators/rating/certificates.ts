// The certificates this agent issued, derived from chain state: its Issued logs (read
// incrementally) and each certificate's current record (revoked by anyone, expiry).
import type { Address } from 'viem';
import { certificatesAbi } from '../../lib/generated/abis';
import type { AgentPublicClient } from '../runtime';
import { blockRanges } from '../runtime/blockRanges';
import type { IssuedCertificate } from './rules';

export interface OwnCertificate extends IssuedCertificate {
  subject: Address;
  evidenceURI: string;
}

/** Certificates.MAX_PAGE_SIZE. */
const PAGE = 500;

export class OwnCertificates {
  private nextBlock: bigint;
  private readonly issued = new Map<bigint, { subject: Address; evidenceURI: string }>();

  constructor(
    private readonly client: AgentPublicClient,
    private readonly certificates: Address,
    private readonly issuer: Address,
    fromBlock: bigint,
  ) {
    this.nextBlock = fromBlock;
  }

  /** Every certificate this issuer issued, with its state now. */
  async read(): Promise<OwnCertificate[]> {
    const latest = await this.client.getBlockNumber();
    for (const range of blockRanges(this.nextBlock, latest)) {
      const logs = await this.client.getContractEvents({ address: this.certificates, abi: certificatesAbi, eventName: 'Issued', args: { issuer: this.issuer }, ...range, strict: true });
      for (const { args } of logs) this.issued.set(args.id, { subject: args.subject, evidenceURI: args.evidenceURI });
      this.nextBlock = range.toBlock + 1n;
    }
    const ids = [...this.issued.keys()];
    const out: OwnCertificate[] = [];
    for (let i = 0; i < ids.length; i += PAGE) {
      const records = await this.client.readContract({ address: this.certificates, abi: certificatesAbi, functionName: 'getCertificates', args: [ids.slice(i, i + PAGE)] });
      for (const c of records) {
        out.push({ id: c.id, level: c.level, expiresAt: Number(c.expiresAt), revoked: c.revoked, subject: c.subject, evidenceURI: this.issued.get(c.id)!.evidenceURI });
      }
    }
    return out;
  }

  /** Evidence URIs of this issuer's revocations (from the reasons of its Revoked logs). */
  async revocationEvidence(fromBlock: bigint): Promise<string[]> {
    const uris: string[] = [];
    for (const range of blockRanges(fromBlock, await this.client.getBlockNumber())) {
      const logs = await this.client.getContractEvents({ address: this.certificates, abi: certificatesAbi, eventName: 'Revoked', args: { by: this.issuer }, ...range, strict: true });
      for (const log of logs) {
        const uri = /ipfs:\/\/[a-z2-7]+/.exec(log.args.reason)?.[0];
        if (uri) uris.push(uri);
      }
    }
    return uris;
  }
}
