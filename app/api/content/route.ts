import { MAX_DOCUMENT_BYTES } from '@/lib/content';
import { storeDocument } from '@/lib/server/contentStore';

export const dynamic = 'force-dynamic';

/**
 * POST a document (body = its bytes, Content-Type text/plain, text/markdown or application/json,
 * at most 64 KiB): stores it and answers `{ uri: "ipfs://<CIDv1>", cid, type, size }`.
 */
export async function POST(request: Request): Promise<Response> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > MAX_DOCUMENT_BYTES) {
    return Response.json({ error: `Documents are limited to ${MAX_DOCUMENT_BYTES / 1024} KiB.` }, { status: 413 });
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  const result = await storeDocument(bytes, request.headers.get('content-type') ?? '');
  if (!result.ok) {
    const status = bytes.length > MAX_DOCUMENT_BYTES ? 413 : 400;
    return Response.json({ error: result.error }, { status });
  }
  const { ok: _ok, ...body } = result;
  void _ok;
  return Response.json(body, { status: 201 });
}
