import { View } from '@tarojs/components';
import { memo, useEffect, useMemo, useRef } from 'react';
import { darkRuns, type QrMatrix, qrMatrix } from './matrix';

export interface QrCodeProps {
  /** The text to encode. */
  payload: string;
  /** Wanted side in px, quiet zone included; the drawn side is the nearest whole number of px per module below. */
  sizePx: number;
  /** Read out instead of the picture. */
  label: string;
}

const px = (n: number) => `${n}px`;

/** Black on white, whole pixels per module: no seams between modules, the most contrast a screen has. */
function modulePx(matrix: QrMatrix, sizePx: number): number {
  return Math.max(2, Math.floor(sizePx / matrix.size));
}

/** h5: a canvas at the screen's pixel density. */
function QrCanvas({
  matrix,
  module,
  payload,
  label,
}: {
  matrix: QrMatrix;
  module: number;
  payload: string;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const side = matrix.size * module;
  const density = typeof window === 'undefined' ? 1 : Math.ceil(window.devicePixelRatio || 1);
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const cell = module * density;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, side * density, side * density);
    context.fillStyle = '#000000';
    matrix.rows.forEach((row, y) => {
      for (const run of darkRuns(row)) context.fillRect(run.x * cell, y * cell, run.length * cell, cell);
    });
  }, [matrix, module, density, side]);
  return (
    <canvas
      ref={canvas}
      className="qr"
      role="img"
      aria-label={label}
      data-payload={payload}
      width={side * density}
      height={side * density}
      style={{ width: px(side), height: px(side) }}
    />
  );
}

/**
 * weapp: one block per run of dark modules, absolutely placed (about 200 nodes for a pass), so the code is
 * plain WXML that needs no canvas API, and a new code is an ordinary update of a few styles.
 */
function QrBlocks({
  matrix,
  module,
  payload,
  label,
}: {
  matrix: QrMatrix;
  module: number;
  payload: string;
  label: string;
}) {
  const side = px(matrix.size * module);
  return (
    <View
      className="qr"
      role="img"
      aria-label={label}
      data-payload={payload}
      style={{ width: side, height: side }}
    >
      {matrix.rows.map((row, y) => {
        const runs = darkRuns(row);
        if (runs.length === 0) return null;
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows of one fixed-size symbol, by position.
          <View key={y} className="qr__row" style={{ top: px(y * module), height: px(module) }}>
            {runs.map((run) => (
              <View
                key={run.x}
                className="qr__run"
                style={{ left: px(run.x * module), width: px(run.length * module) }}
              />
            ))}
          </View>
        );
      })}
    </View>
  );
}

/** A QR code of `payload`, error correction M, with its quiet zone. Redraws only when the payload changes. */
export const QrCode = memo(function QrCode({ payload, sizePx, label }: QrCodeProps) {
  const matrix = useMemo(() => qrMatrix(payload), [payload]);
  const module = modulePx(matrix, sizePx);
  return process.env.TARO_ENV === 'h5' ? (
    <QrCanvas matrix={matrix} module={module} payload={payload} label={label} />
  ) : (
    <QrBlocks matrix={matrix} module={module} payload={payload} label={label} />
  );
});
