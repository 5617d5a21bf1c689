// A tiny content store for tests: the app's /api/content protocol (POST a document, GET /<cid>)
// served over HTTP from a folder with lib/contentFiles.ts, the same files the app's store uses.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readDocumentFile, writeDocument } from '../../lib/contentFiles';
import { MAX_DOCUMENT_BYTES } from '../../lib/content';

export interface TestContentServer {
  /** Base URL, e.g. http://127.0.0.1:4321/api/content. */
  url: string;
  server: Server;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_DOCUMENT_BYTES + 1) break;
    chunks.push(chunk as Buffer);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Serves `dir` as a content store on `port` (0 = any free port). */
export function startContentServer(dir: string, port = 0): Promise<TestContentServer> {
  const server = createServer((request, response) => {
    const send = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const path = new URL(request.url ?? '/', 'http://localhost').pathname.replace(/^\/api\/content\/?/, '');
    void (async () => {
      if (request.method === 'POST' && path === '') {
        const stored = await writeDocument(dir, await body(request), request.headers['content-type'] ?? '');
        if (!stored.ok) return send(400, { error: stored.error });
        const { ok: _ok, ...rest } = stored;
        void _ok;
        return send(201, rest);
      }
      if (request.method === 'GET' && path !== '') {
        const document = await readDocumentFile(dir, path);
        if (!document) return send(404, { error: 'No such document.' });
        response.writeHead(200, { 'content-type': `${document.type}; charset=utf-8` });
        return response.end(Buffer.from(document.bytes));
      }
      send(405, { error: 'Not allowed.' });
    })().catch((error: unknown) => send(500, { error: String(error) }));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        url: `http://127.0.0.1:${actual}/api/content`,
        server,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
