import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const refuses = (message: RegExp, env: NodeJS.ProcessEnv) => expect(() => loadConfig(env)).toThrow(message);

describe('config', () => {
  it('defaults to port 4242 and ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(4242);
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.databaseUrl).toBeUndefined();
  });

  it('stops with a message naming the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('trusts no proxy by default, and takes proxy addresses or a hop count for TRUST_PROXY', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1, fd00::/8,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
    const hops = loadConfig({ TRUST_PROXY: '2' }).trustProxy;
    expect(typeof hops).toBe('function');
    // Fastify asks hop by hop from the connection inward: the connection and one more proxy are believed.
    const trust = hops as (address: string, hop: number) => boolean;
    expect([0, 1, 2].map((hop) => trust('10.0.0.1', hop))).toEqual([true, true, false]);
  });

  it('refuses TRUST_PROXY=true (the client would choose its address) and anything that is not an address, saying what to set', () => {
    refuses(/TRUST_PROXY=true is no longer accepted.*addresses of your reverse proxies.*number of proxies/, {
      TRUST_PROXY: 'true',
    });
    refuses(/not an address or CIDR range: proxy\.example\.com/, { TRUST_PROXY: 'proxy.example.com' });
    refuses(/not an address or CIDR range: 10\.0\.0\.0\/33/, { TRUST_PROXY: '10.0.0.0/33' });
    refuses(/more proxies than any real chain/, { TRUST_PROXY: '99' });
  });

  it('keeps sessions 14 days idle and 30 days at most unless configured', () => {
    expect(loadConfig({}).sessions).toEqual({ idleDays: 14, maxDays: 30 });
    expect(loadConfig({ SESSION_IDLE_DAYS: '1', SESSION_MAX_DAYS: '7' }).sessions).toEqual({ idleDays: 1, maxDays: 7 });
    // The idle timeout never outlasts the absolute lifetime.
    expect(loadConfig({ SESSION_IDLE_DAYS: '20', SESSION_MAX_DAYS: '7' }).sessions).toEqual({
      idleDays: 7,
      maxDays: 7,
    });
    refuses(/SESSION_MAX_DAYS must be at least 1 day/, { SESSION_MAX_DAYS: '0' });
    refuses(/SESSION_IDLE_DAYS must be a whole number of days/, { SESSION_IDLE_DAYS: 'two weeks' });
  });

  it('mails only with a valid SMTP_URL, a sender and a public address, saying what is missing', () => {
    expect(loadConfig({}).mail).toEqual({ smtpUrl: undefined, from: undefined, publicUrl: 'http://localhost:4242' });
    const ok = loadConfig({
      SMTP_URL: 'smtp://u:p@mail.example.com:587',
      MAIL_FROM: 'Fortytwo <f@example.com>',
      PUBLIC_URL: 'https://fortytwo.example.com/',
    });
    expect(ok.mail).toEqual({
      smtpUrl: 'smtp://u:p@mail.example.com:587',
      from: 'Fortytwo <f@example.com>',
      publicUrl: 'https://fortytwo.example.com',
    });
    refuses(/SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/, {
      SMTP_URL: 'mail.example.com',
      MAIL_FROM: 'f@example.com',
      PUBLIC_URL: 'https://x.example',
    });
    refuses(/MAIL_FROM is required with SMTP_URL/, {
      SMTP_URL: 'smtp://mail.example.com',
      PUBLIC_URL: 'https://x.example',
    });
    refuses(/PUBLIC_URL is required with SMTP_URL/, {
      SMTP_URL: 'smtp://mail.example.com',
      MAIL_FROM: 'f@example.com',
    });
    refuses(/PUBLIC_URL must be an http:\/\/ or https:\/\/ address/, { PUBLIC_URL: 'ftp://x.example' });
    refuses(/DIGEST_HOUR_UTC must be an hour from 0 to 23/, { DIGEST_HOUR_UTC: '24' });
    refuses(/REQUEST_LIMIT_SCALE must be a whole number from 1 to 1000/, { REQUEST_LIMIT_SCALE: '0' });
    refuses(/REQUEST_LIMIT_SCALE must be a whole number from 1 to 1000/, { REQUEST_LIMIT_SCALE: '1.5' });
    expect(loadConfig({}).requestLimitScale).toBe(1);
    expect(loadConfig({ REQUEST_LIMIT_SCALE: '20' }).requestLimitScale).toBe(20);
    refuses(/RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096/, { RESPONSE_CACHE_MB: '-1' });
    refuses(/RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 4096/, { RESPONSE_CACHE_MB: 'lots' });
    expect(loadConfig({}).responseCacheBytes).toBe(32 * 1024 * 1024);
    expect(loadConfig({ RESPONSE_CACHE_MB: '0' }).responseCacheBytes).toBe(0);
  });
});
