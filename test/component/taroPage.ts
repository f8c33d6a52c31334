/**
 * Renders a page of the real weapp build (dist/weapp) in miniprogram-simulate. Taro pages are React trees
 * mounted by Taro's runtime; FACTS.md lists what the runtime expects from WeChat, and this file supplies it:
 * `App`/`getApp`, a `Page` that becomes a `Component`, `getCurrentPages`, and a small `wx`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import simulate from 'miniprogram-simulate';

export const WEAPP_ROOT = path.resolve(__dirname, '../../dist/weapp');

export interface CloudCall {
  name: string;
  data: Record<string, unknown>;
}

/** What the fake cloud answers: the function's reply, or a thrown error for "no network". */
export type CloudHandler = (call: CloudCall) => unknown;

type PrivacyResolve = (option: { event: string; buttonId?: string }) => void;

export interface FakeWeChat {
  calls: CloudCall[];
  toasts: string[];
  /** Each `setKeepScreenOn` request, in order. */
  keepScreenOn: boolean[];
  /** Titles of the confirmation dialogs shown, in order. */
  modals: string[];
  /** Template id lists the app asked consent for with `requestSubscribeMessage`. */
  subscribeRequests: string[][];
  storage: Map<string, unknown>;
  /** What the app registered with `wx.onNeedPrivacyAuthorization`; call it as WeChat would. */
  privacyListener: ((resolve: PrivacyResolve) => void) | null;
  /** Every call made on a `type="2d"` canvas context, in order (the canvas is found by any selector). */
  canvas: CanvasCall[];
  /** Files written with `getFileSystemManager().writeFile`, by path: the data and its encoding. */
  files: Map<string, { data: string; encoding: string | undefined }>;
  /** Documents opened with `openDocument`. */
  documents: { filePath: string; fileType: string | undefined; showMenu: boolean | undefined }[];
  /** Pages opened with `navigateTo`, `switchTab`, `redirectTo` or `reLaunch`: their urls, in order. */
  opened: string[];
}

export interface CanvasCall {
  method: string;
  args: unknown[];
}

export const USER_DATA_PATH = 'wxfile://usr';

/** The methods a WeChat 2D context has that charts use; anything else throws, as it would on a phone. */
const CANVAS_METHODS = [
  'arc',
  'beginPath',
  'bezierCurveTo',
  'clearRect',
  'clip',
  'closePath',
  'fill',
  'fillRect',
  'fillText',
  'lineTo',
  'moveTo',
  'quadraticCurveTo',
  'rect',
  'restore',
  'rotate',
  'save',
  'scale',
  'setLineDash',
  'stroke',
  'strokeRect',
  'strokeText',
  'translate',
];

function canvasNode(log: CanvasCall[]) {
  const gradient = { addColorStop: () => undefined };
  const context: Record<string, unknown> = {
    measureText: (text: unknown) => ({ width: String(text).length * 8 }),
    createLinearGradient: () => gradient,
    createRadialGradient: () => gradient,
  };
  for (const method of CANVAS_METHODS)
    context[method] = (...args: unknown[]) => void log.push({ method, args });
  return { width: 300, height: 150, getContext: () => context };
}

export interface WeChatOptions {
  cloud: CloudHandler;
  /** `getAppBaseInfo().fontSizeScaleFactor`: the resident's WeChat font setting. Default 1. */
  fontScale?: number;
  /** What the person answers in `showModal` dialogs. Default true (the confirm button). */
  confirmModals?: boolean;
  /** The page's query, as WeChat passes it to `onLoad` (e.g. `{ id: 'a-1' }`). */
  query?: Record<string, string>;
  /** What the phone's storage already holds when the app starts (e.g. a pass saved on an earlier visit). */
  storage?: Record<string, unknown>;
  /** What `scanCode` reads, one answer per scan; a scan past the end is cancelled, as when the person closes it. */
  scans?: string[];
}

type Lifecycle = (this: unknown, ...args: unknown[]) => unknown;
type Definition = Record<string, unknown>;

function installWeChat({
  cloud,
  fontScale = 1,
  confirmModals = true,
  storage = {},
  scans = [],
}: WeChatOptions): FakeWeChat {
  const waitingScans = [...scans];
  const fake: FakeWeChat = {
    calls: [],
    toasts: [],
    keepScreenOn: [],
    modals: [],
    subscribeRequests: [],
    storage: new Map(Object.entries(storage)),
    privacyListener: null,
    canvas: [],
    files: new Map(),
    documents: [],
    opened: [],
  };
  const done = <T>(options: { success?: (r: T) => void; complete?: (r: T) => void }, result: T) => {
    options.success?.(result);
    options.complete?.(result);
  };
  const navigation = (options: { success?: (r: object) => void }) => done(options, { errMsg: 'ok' });
  const open = (options: { url: string; success?: (r: object) => void }) => {
    fake.opened.push(options.url);
    navigation(options);
  };
  const g = globalThis as Record<string, unknown>;
  g.wx = {
    getStorageSync: (key: string) => fake.storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void fake.storage.set(key, value),
    removeStorageSync: (key: string) => void fake.storage.delete(key),
    getAppBaseInfo: () => ({ fontSizeScaleFactor: fontScale, fontSizeSetting: Math.round(17 * fontScale) }),
    getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'devtools' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    env: { USER_DATA_PATH },
    createSelectorQuery: () => {
      const query = {
        in: () => query,
        select: () => query,
        fields: () => query,
        exec: (callback: (found: object[]) => void) =>
          setTimeout(() => callback([{ node: canvasNode(fake.canvas), width: 343, height: 200 }]), 0),
      };
      return query;
    },
    getFileSystemManager: () => ({
      writeFile: (options: {
        filePath: string;
        data: string;
        encoding?: string;
        success?: (r: object) => void;
        complete?: (r: object) => void;
      }) => {
        fake.files.set(options.filePath, { data: options.data, encoding: options.encoding });
        done(options, { errMsg: 'writeFile:ok' });
      },
    }),
    openDocument: (options: {
      filePath: string;
      fileType?: string;
      showMenu?: boolean;
      success?: (r: object) => void;
    }) => {
      fake.documents.push({
        filePath: options.filePath,
        fileType: options.fileType,
        showMenu: options.showMenu,
      });
      done(options, { errMsg: 'openDocument:ok' });
    },
    onNeedPrivacyAuthorization: (listener: FakeWeChat['privacyListener']) => {
      fake.privacyListener = listener;
    },
    showToast: (options: { title: string; success?: (r: object) => void }) => {
      fake.toasts.push(options.title);
      done(options, { errMsg: 'showToast:ok' });
    },
    showModal: (options: { title: string; success?: (r: object) => void }) => {
      fake.modals.push(options.title);
      done(options, { errMsg: 'showModal:ok', confirm: confirmModals, cancel: !confirmModals });
    },
    requestSubscribeMessage: (options: { tmplIds: string[]; success?: (r: object) => void }) => {
      fake.subscribeRequests.push(options.tmplIds);
      done(options, { errMsg: 'requestSubscribeMessage:ok' });
    },
    scanCode: (options: {
      success?: (r: object) => void;
      fail?: (r: object) => void;
      complete?: (r: object) => void;
    }) => {
      const result = waitingScans.shift();
      if (result === undefined) {
        options.fail?.({ errMsg: 'scanCode:fail cancel' });
        options.complete?.({ errMsg: 'scanCode:fail cancel' });
      } else done(options, { errMsg: 'scanCode:ok', result, scanType: 'QR_CODE' });
    },
    setKeepScreenOn: (options: { keepScreenOn: boolean; success?: (r: object) => void }) => {
      fake.keepScreenOn.push(options.keepScreenOn);
      done(options, { errMsg: 'setKeepScreenOn:ok' });
    },
    setTabBarBadge: navigation,
    removeTabBarBadge: navigation,
    pageScrollTo: navigation,
    navigateTo: open,
    redirectTo: open,
    navigateBack: navigation,
    switchTab: open,
    reLaunch: open,
    cloud: {
      init: () => undefined,
      callFunction: async (call: CloudCall) => {
        fake.calls.push(call);
        return { result: await cloud(call), errMsg: 'cloud.callFunction:ok' };
      },
    },
  };
  return fake;
}

function installAppShims(query: Record<string, string>): Record<string, Lifecycle> {
  const g = globalThis as Record<string, unknown>;
  let app: Record<string, Lifecycle> = {};
  g.App = (definition: Record<string, Lifecycle>) => {
    app = definition;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  // miniprogram-simulate knows components, not pages: a page is a component whose lifetimes call its hooks.
  g.Page = (definition: Definition) => {
    const methods: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(definition))
      if (typeof value === 'function') methods[key] = value;
    const hook = (name: string) => definition[name] as Lifecycle | undefined;
    (g.Component as (options: Definition) => void)({
      data: definition.data,
      methods,
      lifetimes: {
        attached(this: unknown) {
          hook('onLoad')?.call(this, query);
        },
        ready(this: unknown) {
          hook('onShow')?.call(this);
          hook('onReady')?.call(this);
        },
      },
    });
  };
  return new Proxy({} as Record<string, Lifecycle>, { get: (_, key: string) => app[key] });
}

export interface RenderedPage {
  page: ReturnType<typeof simulate.render>;
  wx: FakeWeChat;
  /** The page's text as a person would read it. */
  text(): string;
  /** Polls until `check` holds (Taro renders asynchronously; first render ~150 ms). */
  waitFor(check: () => boolean, what: string): Promise<void>;
  tap(selector: string): void;
  /** The first node matching `selector` whose text is exactly `text`. */
  find(selector: string, text: string): ReturnType<RenderedPage['page']['querySelector']>;
}

/** `route` like `pages/me/index`. Call `jest.resetModules()` before each render. */
export async function renderPage(route: string, options: WeChatOptions): Promise<RenderedPage> {
  if (!existsSync(path.join(WEAPP_ROOT, 'app.js'))) {
    throw new Error('dist/weapp is missing: run `npm run build:weapp` first');
  }
  const wx = installWeChat(options);
  const app = installAppShims(options.query ?? {});
  require(path.join(WEAPP_ROOT, 'app.js'));
  app.onLaunch?.call(app, { path: route, query: {} });
  const id = simulate.load(path.join(WEAPP_ROOT, route), { rootPath: WEAPP_ROOT });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));

  const text = () => page.dom?.textContent ?? '';
  const waitFor = async (check: () => boolean, what: string) => {
    for (let waited = 0; waited < 3000; waited += 20) {
      if (check()) return;
      await simulate.sleep(20);
    }
    throw new Error(`timed out waiting for ${what}; the page shows: ${text()}`);
  };
  const tap = (selector: string) => {
    const node = page.querySelector(selector);
    if (!node) throw new Error(`nothing matches ${selector}; the page shows: ${text()}`);
    node.dispatchEvent('tap');
  };
  const find = (selector: string, wanted: string) =>
    page.querySelectorAll(selector).find((node) => node.dom?.textContent?.trim() === wanted);
  return { page, wx, text, waitFor, tap, find };
}

/** The font size the page root was given, in px (everything else is sized in em from it). */
export function rootFontPx(rendered: RenderedPage): number {
  const root = rendered.page.dom?.querySelector('[class*="screen"]');
  return Number.parseFloat((root as HTMLElement | null)?.style.fontSize ?? 'NaN');
}
