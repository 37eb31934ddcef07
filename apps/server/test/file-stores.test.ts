import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsS3Client, dbFileStore, parseFileStore, s3FileStore } from '../src/platform/file-stores';
import { localFileStore, type FileStore } from '../src/platform/files';
import { describeEachDialect } from './harness';

// One suite for every file store behind the FileStore interface: the disk store (DATA_DIR/files)
// and the database store (file_blobs) on both dialects, and the S3 store through the real
// @aws-sdk/client-s3 against a tiny in-process fake of the S3 HTTP API (HEAD, PUT, GET by path).

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function storeSuite(name: string, make: () => FileStore) {
  it(`${name}: stores bytes under their SHA-256, once, and reads them back exactly`, async () => {
    const store = make();
    const bytes = Buffer.from(`evidence ${name} ${Math.random()}`);
    const a = await store.put(bytes);
    expect(a).toBe(sha(bytes));
    expect(await store.put(Buffer.from(bytes))).toBe(a);
    expect((await store.read(a)).equals(bytes)).toBe(true);
  });
  it(`${name}: keeps binary content (every byte value, 2 MB) intact`, async () => {
    const store = make();
    const bytes = Buffer.alloc(2 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    const id = await store.put(bytes);
    expect(sha(await store.read(id))).toBe(sha(bytes));
  });
  it(`${name}: fails to read what it does not hold, and a name that is not a SHA-256`, async () => {
    const store = make();
    await expect(store.read('0'.repeat(64))).rejects.toThrow();
    await expect(store.read('../../etc/passwd')).rejects.toThrow();
  });
}

describe('FILE_STORE', () => {
  it('reads disk, db and s3://bucket/prefix, and refuses anything else', () => {
    expect(parseFileStore(undefined)).toEqual({ kind: 'disk' });
    expect(parseFileStore('db')).toEqual({ kind: 'db' });
    expect(parseFileStore('s3://evidence-bucket/fortytwo/prod/')).toEqual({
      kind: 's3',
      bucket: 'evidence-bucket',
      prefix: 'fortytwo/prod',
    });
    expect(() => parseFileStore('ftp://x')).toThrow(/FILE_STORE must be/);
  });
});

describeEachDialect('file stores', (ctx) => {
  storeSuite('disk', () => localFileStore(ctx().dataDir));
  storeSuite('database', () => dbFileStore(ctx().handle.db));
});

describe('S3 file store against an in-process fake S3', () => {
  const objects = new Map<string, Buffer>();
  let server: http.Server;
  let endpoint = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const key = decodeURIComponent((req.url ?? '').split('?')[0]!);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method === 'PUT') {
          objects.set(key, Buffer.concat(chunks));
          res.writeHead(200, { etag: '"x"' }).end();
        } else if (req.method === 'HEAD' || req.method === 'GET') {
          const body = objects.get(key);
          if (!body) {
            res
              .writeHead(404, { 'content-type': 'application/xml' })
              .end(req.method === 'GET' ? '<Error><Code>NoSuchKey</Code><Message>no</Message></Error>' : undefined);
            return;
          }
          res
            .writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream', etag: '"x"' })
            .end(req.method === 'GET' ? body : undefined);
        } else res.writeHead(405).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  let store: FileStore | undefined;
  const lazy: FileStore = {
    put: async (b) =>
      (store ??= s3FileStore(
        await awsS3Client('evidence', {
          endpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        }),
        'fortytwo',
      )).put(b),
    read: async (s) =>
      (store ??= s3FileStore(
        await awsS3Client('evidence', {
          endpoint,
          region: 'us-east-1',
          credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
        }),
        'fortytwo',
      )).read(s),
  };
  storeSuite('s3', () => lazy);
  it('writes objects under the prefix, by SHA-256', () => {
    expect(
      [...objects.keys()].every((k) => /^\/evidence\/fortytwo\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(k)),
    ).toBe(true);
  });
});
