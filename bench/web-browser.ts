import type { Server, Socket } from 'node:net';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

/**
 * The flags of Debian's Chromium for the bench and the browser tests alike (the tests import
 * them from here: the bench is built by tsconfig.build.json, which leaves test/ out): headless, no sandbox
 * (containers), and none of the background traffic that would reach for the internet or add
 * requests the figures would count.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_PATH = process.env.BLO_CHROMIUM || '/usr/bin/chromium';
export const DESKTOP_VIEWPORT = { width: 1366, height: 768 };
export const PHONE_VIEWPORT = { width: 360, height: 740 };

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh profile (empty HTTP cache, no service worker) read in Vietnam, as the browser tests open one. */
export function newProfile(browser: Browser, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const phone = viewport.width < 600;
  return browser.newContext({
    viewport,
    ...(phone ? { isMobile: true, hasTouch: true } : {}),
    timezoneId: 'Asia/Ho_Chi_Minh',
    locale: 'vi-VN',
  });
}

/** A link as DevTools describes one: bytes per second each way and a round trip. */
export interface Link {
  readonly label: string;
  readonly latencyMs: number;
  readonly downBytesPerSecond: number;
  readonly upBytesPerSecond: number;
}

/** The border post's phone link of the issue: 400 kbit/s each way, 400 ms round trip. */
export const SLOW_LINK: Link = {
  label: '400 kbit/s, 400 ms RTT',
  latencyMs: 400,
  downBytesPerSecond: (400 * 1024) / 8,
  upBytesPerSecond: (400 * 1024) / 8,
};

const conditions = (link: Link) => ({
  offline: false,
  latency: link.latencyMs,
  downloadThroughput: link.downBytesPerSecond,
  uploadThroughput: link.upBytesPerSecond,
});

/** Throttles the page's own requests (navigation, scripts, its fetches) through DevTools. */
export async function throttlePage(page: Page, link: Link): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  await session.send('Network.emulateNetworkConditions', conditions(link));
  return session;
}

export interface ServiceWorkerThrottle {
  /** Service workers throttled so far. */
  count(): number;
  /** Resolves once every worker seen so far has its link (attachment is asynchronous). */
  settled(): Promise<void>;
}

/**
 * DevTools throttles per target, and a service worker is a target of its own: without this the
 * worker's precache and its network-first API reads would travel at loopback speed while the
 * page crawls, and the cached load would look better than a phone at the border can see it.
 * Playwright opens DevTools sessions on pages only, so every worker the browser starts is
 * reached through the browser's session, by message (non-flattened attachment).
 */
export async function watchServiceWorkers(browser: Browser, link: Link): Promise<ServiceWorkerThrottle> {
  // Left open on purpose: detaching would end the workers' emulation (it closes with the browser).
  const session = await browser.newBrowserCDPSession();
  const answers = new Map<string, (reply: { error?: { message: string } }) => void>();
  const pending: Promise<void>[] = [];
  let throttled = 0;
  session.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
    const reply = JSON.parse(event.message) as { id?: number; error?: { message: string } };
    if (reply.id !== undefined) answers.get(`${event.sessionId}/${reply.id}`)?.(reply);
  });
  const throttle = async (targetId: string): Promise<void> => {
    const { sessionId } = await session.send('Target.attachToTarget', { targetId, flatten: false });
    let id = 0;
    const send = async (method: string, params: object): Promise<void> => {
      id += 1;
      const answered = new Promise<{ error?: { message: string } }>((resolve) =>
        answers.set(`${sessionId}/${id}`, resolve),
      );
      await session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      const reply = await answered;
      if (reply.error) throw new Error(`service worker ${method}: ${reply.error.message}`);
    };
    await send('Network.enable', {});
    await send('Network.emulateNetworkConditions', conditions(link));
    throttled += 1;
  };
  session.on('Target.targetCreated', (event: { targetInfo: { targetId: string; type: string } }) => {
    if (event.targetInfo.type !== 'service_worker') return;
    // A worker that stopped before it was reached has nothing left to throttle.
    pending.push(throttle(event.targetInfo.targetId).catch(() => undefined));
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
  return {
    count: () => throttled,
    settled: async () => {
      await Promise.all(pending);
    },
  };
}

/**
 * Bytes the server wrote, all sockets together: what a load cost on the wire (compressed bodies,
 * headers, requests of the page and of its service worker alike).
 */
export class WireCounter {
  private readonly sockets = new Set<Socket>();
  private closedBytes = 0;

  constructor(server: Server) {
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.once('close', () => {
        this.closedBytes += socket.bytesWritten;
        this.sockets.delete(socket);
      });
    });
  }

  written(): number {
    let open = 0;
    for (const s of this.sockets) open += s.bytesWritten;
    return this.closedBytes + open;
  }
}
