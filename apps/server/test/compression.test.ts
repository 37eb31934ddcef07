import zlib from 'node:zlib';
import { beforeAll, expect, it } from 'vitest';
import { type Client, describeEachDialect, newOrgOwner } from './harness';

// Answers above 1 KB are compressed when the client asks (brotli or gzip); small ones, and clients
// that do not ask, get plain JSON; compressed request bodies are refused, never inflated.

describeEachDialect('response compression', (ctx) => {
  let owner: Client;
  const authHeaders = () => {
    const h: Record<string, string> = {};
    if (owner.auth.bearer) h.authorization = `Bearer ${owner.auth.bearer}`;
    if (owner.auth.cookie) h.cookie = `ft_session=${owner.auth.cookie}`;
    if (owner.auth.csrf) h['x-csrf-token'] = owner.auth.csrf;
    return h;
  };
  const get = (url: string, acceptEncoding?: string) =>
    ctx().app.inject({
      method: 'GET',
      url,
      headers: { ...authHeaders(), ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
    });

  beforeAll(async () => {
    ({ owner } = await newOrgOwner(ctx(), 'Compression Org'));
  });

  it('compresses a large answer with brotli or gzip, to the same JSON', async () => {
    const url = '/api/catalog/frameworks/iso42001';
    const plain = await get(url);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(1024);
    const br = await get(url, 'br, gzip');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
    const gz = await get(url, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(JSON.parse(plain.body));
  });

  it('sends small answers as they are', async () => {
    const res = await get('/api/health', 'br, gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('does not inflate a compressed request body', async () => {
    const res = await ctx().app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { ...authHeaders(), 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: zlib.gzipSync(JSON.stringify({ name: 'Inflated Org' })),
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const orgs = (await owner.get('/api/orgs')).body as { name: string }[] | { items: { name: string }[] };
    expect(JSON.stringify(orgs)).not.toContain('Inflated Org');
  });
});
