import { getAddress, isAddress } from 'viem';
import { readActivity } from '@/lib/server/activity';

export const dynamic = 'force-dynamic';

const noStore = { 'cache-control': 'no-store' };

/** One account's activity points (lib/activity.ts ActivityReport) as of the latest block; 400 for a bad address, 503 when the chain cannot be read. */
export async function GET(_request: Request, { params }: { params: Promise<{ address: string }> }): Promise<Response> {
  const { address } = await params;
  if (!isAddress(address)) return Response.json({ error: 'not an address' }, { status: 400, headers: noStore });
  try {
    return Response.json(await readActivity(getAddress(address)), { headers: noStore });
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    return Response.json({ error: message }, { status: 503, headers: noStore });
  }
}
