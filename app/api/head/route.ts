import { readHead } from '@/lib/server/data';

export const dynamic = 'force-dynamic';

/** The chain head, for live views: `{ block }`, or 503 when the chain cannot be reached. */
export async function GET(): Promise<Response> {
  try {
    const block = await readHead();
    return Response.json({ block: block.toString() }, { headers: { 'cache-control': 'no-store' } });
  } catch {
    return Response.json({ error: 'chain unreachable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
  }
}
