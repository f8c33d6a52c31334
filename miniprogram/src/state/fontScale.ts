import Taro from '@tarojs/taro';
import { createStore, useStore } from './store';

/** WeChat's standard body size; the 关怀模式 size 23.8 px is 1.4 × this. */
export const BASE_FONT_PX = 17;
export const ELDERLY_SCALE = 1.4;
const MAX_SCALE = 1.75;
const ELDERLY_KEY = 'linli.elderlyMode';

function readSystemScale(): number {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.getAppBaseInfo !== 'function') return 1;
  // `fontSizeScaleFactor` is missing from Taro's types; `fontSizeSetting` (px) is the fallback.
  const info = Taro.getAppBaseInfo() as { fontSizeScaleFactor?: unknown; fontSizeSetting?: unknown };
  if (typeof info.fontSizeScaleFactor === 'number') return info.fontSizeScaleFactor;
  if (typeof info.fontSizeSetting === 'number') return info.fontSizeSetting / BASE_FONT_PX;
  return 1;
}

function readSavedElderly(): boolean {
  return Taro.getStorageSync(ELDERLY_KEY) === true;
}

export interface FontScale {
  /** The resident's own switch on the 我的 page (kept on the server, cached here for the first paint). */
  elderlyMode: boolean;
  /** From the WeChat font setting; 1 on h5, where the browser's zoom does this job. */
  systemScale: number;
}

const fontStore = createStore<FontScale>({ elderlyMode: readSavedElderly(), systemScale: readSystemScale() });

export function setElderlyMode(on: boolean): void {
  Taro.setStorageSync(ELDERLY_KEY, on);
  const current = fontStore.get();
  if (current.elderlyMode !== on) fontStore.set({ ...current, elderlyMode: on });
}

/** The larger of the two wishes wins; never smaller than the standard size, never so big layouts break. */
export function scaleOf({ elderlyMode, systemScale }: FontScale): number {
  const system = Math.min(Math.max(systemScale, 1), MAX_SCALE);
  return Math.max(system, elderlyMode ? ELDERLY_SCALE : 1);
}

export function useFontScale(): { scale: number; fontPx: number; large: boolean; elderlyMode: boolean } {
  const state = useStore(fontStore);
  const scale = scaleOf(state);
  return {
    scale,
    fontPx: Math.round(BASE_FONT_PX * scale * 10) / 10,
    large: scale >= 1.3,
    elderlyMode: state.elderlyMode,
  };
}
