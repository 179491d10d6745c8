import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync, gunzipSync } from 'node:zlib';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ProblemDetailsFilter } from './problem-details.filter.js';
import { installWebApp, webRoot } from './web-app.js';

@Controller('api/v1/ping')
class PingController {
  @Get()
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

const DESKTOP =
  '<!doctype html><html lang="vi"><title>desktop</title><script type="module" src="/assets/desktop-AbC123.js"></script>';
const GATE = '<!doctype html><html lang="vi"><title>gate</title>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2000))});`;

/** A dist/web as the build leaves it: two entries, a hashed asset, compressed copies. */
async function fakeBuild(root: string): Promise<void> {
  await mkdir(join(root, 'gate'), { recursive: true });
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), DESKTOP);
  await writeFile(join(root, 'gate/index.html'), GATE);
  await writeFile(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(root, '.secret'), 'not for the web');
  for (const [file, body] of [
    ['index.html', DESKTOP],
    ['assets/desktop-AbC123.js', SCRIPT],
  ]) {
    if (file.endsWith('.js')) await writeFile(join(root, file), body);
    await writeFile(join(root, `${file}.br`), brotliCompressSync(body));
    await writeFile(join(root, `${file}.gz`), gzipSync(body));
  }
}

async function appServing(root: string): Promise<{ app: NestFastifyApplication; http: FastifyInstance }> {
  const app = await NestFactory.create<NestFastifyApplication>(PingModule, new FastifyAdapter(), { logger: false });
  app.useGlobalFilters(new ProblemDetailsFilter());
  await installWebApp(app, root);
  await app.init();
  return { app, http: app.getHttpAdapter().getInstance() };
}

const problemOf = (r: LightMyRequestResponse) => ({
  status: r.statusCode,
  type: r.headers['content-type'],
  code: (r.json<{ code: string }>() ?? {}).code,
});

describe('the web app as the api serves it', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'blo-web-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('with a build', () => {
    let app: NestFastifyApplication;
    let http: FastifyInstance;
    const page = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

    beforeAll(async () => {
      await fakeBuild(join(dir, 'built'));
      ({ app, http } = await appServing(join(dir, 'built')));
    });

    afterAll(async () => {
      await app.close();
    });

    it('answers / and /gate with their index.html, never cached without revalidation', async () => {
      for (const [url, body] of [
        ['/', DESKTOP],
        ['/gate', GATE],
        ['/gate/', GATE],
        ['/index.html', DESKTOP],
      ]) {
        const r = await http.inject({ url });
        expect({ url, status: r.statusCode, body: r.body, cache: r.headers['cache-control'] }).toEqual({
          url,
          status: 200,
          body,
          cache: 'no-cache',
        });
        expect(r.headers['content-type']).toMatch(/^text\/html/);
      }
    });

    it('falls back to the entry’s index.html for a page path asked for as a page', async () => {
      expect((await http.inject({ url: '/cases/7f0c/timeline', headers: page })).body).toBe(DESKTOP);
      expect((await http.inject({ url: '/gate/handovers/7f0c', headers: page })).body).toBe(GATE);
      // Not a page request (an API client, a script): the plain 404.
      expect(problemOf(await http.inject({ url: '/cases/7f0c' }))).toMatchObject({
        status: 404,
        code: 'REQUEST.NO_ROUTE',
      });
    });

    it('serves the compressed copy the browser accepts, and says it varies on that', async () => {
      const br = await http.inject({ url: '/assets/desktop-AbC123.js', headers: { 'accept-encoding': 'gzip, br' } });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['content-type']).toMatch(/javascript/);
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);

      const gz = await http.inject({ url: '/', headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).toString()).toBe(DESKTOP);

      const plain = await http.inject({ url: '/assets/desktop-AbC123.js' });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(SCRIPT);
    });

    it('caches hashed assets for a year as immutable, and revalidates the rest', async () => {
      const asset = await http.inject({ url: '/assets/desktop-AbC123.js' });
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect((await http.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
      const first = await http.inject({ url: '/' });
      const again = await http.inject({ url: '/', headers: { 'if-none-match': String(first.headers.etag) } });
      expect(again.statusCode).toBe(304);
    });

    it('leaves the api’s routes and 404s to the api', async () => {
      expect((await http.inject({ url: '/api/v1/ping', headers: page })).json()).toEqual({ pong: true });
      for (const url of ['/api/v1/nothing', '/api/nothing', '/health/x', '/metrics/x', '/assets/missing-123.js'])
        expect(problemOf(await http.inject({ url, headers: page }))).toEqual({
          status: 404,
          type: 'application/problem+json; charset=utf-8',
          code: 'REQUEST.NO_ROUTE',
        });
    });

    it('never serves dotfiles or anything outside the build', async () => {
      for (const url of ['/.secret', '/../package.json', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json']) {
        const r = await http.inject({ url, headers: page });
        expect({ url, served: r.statusCode === 200 }).toEqual({ url, served: false });
      }
    });
  });

  describe('without a build', () => {
    let app: NestFastifyApplication;
    let http: FastifyInstance;

    beforeAll(async () => {
      ({ app, http } = await appServing(join(dir, 'never-built')));
    });

    afterAll(async () => {
      await app.close();
    });

    it('answers pages with a problem saying the web app is not built, and the api as before', async () => {
      for (const url of ['/', '/gate', '/cases/1'])
        expect(problemOf(await http.inject({ url, headers: { accept: 'text/html' } }))).toEqual({
          status: 404,
          type: 'application/problem+json; charset=utf-8',
          code: 'WEB.NOT_BUILT',
        });
      expect((await http.inject({ url: '/api/v1/ping' })).json()).toEqual({ pong: true });
      expect(problemOf(await http.inject({ url: '/api/v1/nothing' }))).toMatchObject({ code: 'REQUEST.NO_ROUTE' });
    });
  });

  it('finds dist/web of the installation it runs from, built or from sources', () => {
    const root = join(import.meta.dirname, '../../../..');
    expect(webRoot()).toBe(join(root, 'dist/web'));
    expect(webRoot(join(root, 'dist/apps/api/src/http'))).toBe(join(root, 'dist/web'));
  });
});
