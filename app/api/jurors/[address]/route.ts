import { getAddress, isAddress } from 'viem';
import { readJuror } from '@/lib/server/jurors';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/** One juror's court report (lib/jurors.ts JurorReport) as of the latest block; 400 for a bad address, 503 when the chain cannot be read. */
export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }): Promise<Response> {
  const { address } = await params;
  if (!isAddress(address)) return Response.json({ error: 'not an address' }, { status: 400, headers: noStore });
  try {
    return Response.json(await readJuror(getAddress(address)), { headers: noStore });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return Response.json({ error: message }, { status: 503, headers: noStore });
  }
}
