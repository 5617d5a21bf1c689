import { readDocument } from '@/lib/server/contentStore';

export const dynamic = 'force-dynamic';

/** GET a stored document by CID, with its media type; immutable, so cacheable forever. */
export async function GET(_request: Request, { params }: { params: Promise<{ cid: string }> }): Promise<Response> {
  const { cid } = await params;
  const document = await readDocument(cid);
  if (!document) return Response.json({ error: 'No such document.' }, { status: 404 });
  return new Response(Buffer.from(document.bytes), {
    headers: {
      'content-type': `${document.type}; charset=utf-8`,
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
    },
  });
}
