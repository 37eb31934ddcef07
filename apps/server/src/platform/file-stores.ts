import { createHash } from 'node:crypto';
import type { Db } from './db/connect';
import { localFileStore, isSha256, type FileStore } from './files';
import { nowIso } from './ids';

// Where uploaded bytes live, chosen once by FILE_STORE:
// - unset or "disk": DATA_DIR/files (one instance, or several sharing a volume);
// - "db": the `file_blobs` table of the database itself (several instances on one PostgreSQL,
//   no shared volume; backups carry the blobs with the database);
// - "s3://bucket/prefix": an S3-compatible bucket through @aws-sdk/client-s3 (credentials and
//   region from the SDK's usual environment: AWS_ACCESS_KEY_ID, AWS_REGION, AWS_ENDPOINT_URL_S3 …).
// Every store names bytes by their SHA-256, so the same file uploaded twice is stored once and a
// read can be checked against its name.

export type FileStoreKind = { kind: 'disk' } | { kind: 'db' } | { kind: 's3'; bucket: string; prefix: string };

export function parseFileStore(value: string | undefined): FileStoreKind {
  const v = (value ?? '').trim();
  if (v === '' || v === 'disk') return { kind: 'disk' };
  if (v === 'db') return { kind: 'db' };
  const m = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(v);
  if (m) return { kind: 's3', bucket: m[1]!, prefix: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
  throw new Error('FILE_STORE must be "disk", "db" or s3://bucket/prefix');
}

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const missing = (sha: string) => Object.assign(new Error(`file ${sha} is not in the file store`), { code: 'ENOENT' });

/** Bytes in the `file_blobs` table. A second put of the same bytes (another instance, a retry) does nothing. */
export function dbFileStore(db: Db): FileStore {
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      await db
        .insertInto('fileBlobs')
        .values({ sha256, size: bytes.length, bytes, createdAt: nowIso() })
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
      return sha256;
    },
    async read(sha) {
      if (!isSha256(sha)) throw missing(sha);
      const row = await db.selectFrom('fileBlobs').select('bytes').where('sha256', '=', sha).executeTakeFirst();
      if (!row) throw missing(sha);
      return Buffer.from(row.bytes);
    },
  };
}

/** The minimal client the S3 store needs: tests hand in a fake one, production the SDK's. */
export type S3Like = {
  head(key: string): Promise<boolean>;
  put(key: string, bytes: Buffer, sha256: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
};

export function s3FileStore(client: S3Like, prefix: string): FileStore {
  const key = (sha: string) => `${prefix ? `${prefix}/` : ''}${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      if (!(await client.head(key(sha256)))) await client.put(key(sha256), bytes, sha256);
      return sha256;
    },
    async read(sha) {
      if (!isSha256(sha)) throw missing(sha);
      const bytes = await client.get(key(sha));
      if (!bytes) throw missing(sha);
      return bytes;
    },
  };
}

/** The SDK behind S3Like, loaded only when FILE_STORE names a bucket. */
export async function awsS3Client(
  bucket: string,
  config: { endpoint?: string; region?: string; credentials?: { accessKeyId: string; secretAccessKey: string } } = {},
): Promise<S3Like> {
  const { S3Client, HeadObjectCommand, PutObjectCommand, GetObjectCommand } = await import('@aws-sdk/client-s3');
  // Path-style addressing works with MinIO, Ceph and other S3-compatible servers as well as AWS.
  const s3 = new S3Client({ forcePathStyle: true, ...config });
  const notFound = (err: unknown) => {
    const e = err as { name?: string; $metadata?: { httpStatusCode?: number } };
    return e.name === 'NotFound' || e.name === 'NoSuchKey' || e.$metadata?.httpStatusCode === 404;
  };
  return {
    async head(key) {
      try {
        await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return true;
      } catch (err) {
        if (notFound(err)) return false;
        throw err;
      }
    },
    async put(key, bytes, sha256) {
      await s3.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
        }),
      );
    },
    async get(key) {
      try {
        const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return out.Body ? Buffer.from(await out.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (err) {
        if (notFound(err)) return null;
        throw err;
      }
    },
  };
}

function lazyStore(make: () => Promise<FileStore>): FileStore {
  let store: Promise<FileStore> | undefined;
  const get = () => (store ??= make());
  return { put: async (bytes) => (await get()).put(bytes), read: async (sha) => (await get()).read(sha) };
}

const cache = new WeakMap<object, FileStore>();

/** The file store the configuration names, one per database handle (so every module shares it). */
export function fileStoreOf(deps: { db: Db; config: { dataDir: string; fileStore?: string | undefined } }): FileStore {
  const hit = cache.get(deps.db);
  if (hit) return hit;
  const kind = parseFileStore(deps.config.fileStore);
  const store =
    kind.kind === 'db'
      ? dbFileStore(deps.db)
      : kind.kind === 's3'
        ? lazyStore(async () => s3FileStore(await awsS3Client(kind.bucket), kind.prefix))
        : localFileStore(deps.config.dataDir);
  cache.set(deps.db, store);
  return store;
}
