import jsQR from 'jsqr';

/** Modules as a reader sees them: rows of dark (`true`) and light cells, quiet zone included. */
export type Modules = readonly (readonly boolean[])[];

/** Paints the modules as a black-on-white RGBA image, `scale` pixels per module. */
export function toPixels(
  modules: Modules,
  scale = 8,
): { data: Uint8ClampedArray; width: number; height: number } {
  const width = (modules[0]?.length ?? 0) * scale;
  const height = modules.length * scale;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  modules.forEach((row, y) => {
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = ((y * scale + dy) * width + x * scale + dx) * 4;
          data[i] = 0;
          data[i + 1] = 0;
          data[i + 2] = 0;
        }
      }
    });
  });
  return { data, width, height };
}

/** What a QR reader gets out of these modules, or null when it finds no code. */
export function decodeModules(modules: Modules, scale = 8): string | null {
  const { data, width, height } = toPixels(modules, scale);
  return jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}
