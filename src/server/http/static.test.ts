import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { loadConfig } from '../config';
import { createTestDatabase } from '../test/harness';
import type { App } from './context';

// A built web folder as vite.config.ts writes it: hashed assets with brotli and gzip copies next to them.
const script = `export const portal = "${'بوابة المستفيد '.repeat(200)}";`;
let webRoot: string;
let app: App;
let drop: () => Promise<void>;

beforeAll(async () => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.mkdirSync(path.join(webRoot, 'portal'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>staff</title>');
  fs.writeFileSync(path.join(webRoot, 'portal/index.html'), '<!doctype html><title>portal</title>');
  fs.writeFileSync(path.join(webRoot, 'assets/portal-abc123.js'), script);
  fs.writeFileSync(path.join(webRoot, 'assets/portal-abc123.js.br'), zlib.brotliCompressSync(script));
  fs.writeFileSync(path.join(webRoot, 'assets/portal-abc123.js.gz'), zlib.gzipSync(script));
  const test = await createTestDatabase();
  drop = test.drop;
  app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), database: test.database, webRoot });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await drop();
  fs.rmSync(webRoot, { recursive: true, force: true });
});

describe('the built web apps', () => {
  it('are sent pre-compressed when the browser accepts it, and hashed assets are cached for a year', async () => {
    const br = await app.inject({ url: '/assets/portal-abc123.js', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);

    const gz = await app.inject({ url: '/assets/portal-abc123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);

    const plain = await app.inject({ url: '/assets/portal-abc123.js', headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('pages are never kept as immutable: a new build must reach the next visit', async () => {
    const portal = await app.inject({ url: '/portal/apply', headers: { 'accept-encoding': 'br' } });
    expect(portal.statusCode).toBe(200);
    expect(portal.body).toContain('<title>portal</title>');
    expect(String(portal.headers['cache-control'])).not.toContain('immutable');
    const staff = await app.inject({ url: '/' });
    expect(staff.body).toContain('<title>staff</title>');
    expect(String(staff.headers['cache-control'])).not.toContain('immutable');
  });
});
