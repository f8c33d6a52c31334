import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';

const TEXT = {
  starting: '正在打开摄像头…',
  scanning: '把居民手机上的签到码对准方框',
  unavailable: '摄像头打不开，请在下面输入签到码',
} as const;

export interface CameraScannerProps {
  /** A code was read. Not called again for the same text within `holdMs`. */
  onCode: (code: string) => void;
  /** While true (a scan is being checked) frames are not read. */
  paused: boolean;
  /** Default 8000: a pass held in front of the camera is read once, not again and again. */
  holdMs?: number;
}

type Decode = (data: Uint8ClampedArray, width: number, height: number) => string | null;

// The decoder is h5-only and loaded when the camera starts, so it never weighs on the mini-program.
const loadDecoder: (() => Promise<Decode>) | null =
  process.env.TARO_ENV === 'h5'
    ? () =>
        import('jsqr').then(
          ({ default: jsQR }): Decode =>
            (data, width, height) =>
              jsQR(data, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null,
        )
    : null;

const FRAME_MS = 200;
const MAX_WIDTH = 640;

/**
 * h5 only: the back camera in a box, read a few times a second with a QR decoder. When there is no camera
 * or no permission it says so; the typed entry under it still works.
 */
export function CameraScanner({ onCode, paused, holdMs = 8000 }: CameraScannerProps) {
  const video = useRef<HTMLVideoElement>(null);
  const [state, setState] = useState<'starting' | 'scanning' | 'unavailable'>('starting');
  const live = useRef({ onCode, paused, holdMs });
  live.current = { onCode, paused, holdMs };

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const last = { code: '', at: 0 };
    const frame = document.createElement('canvas');

    const read = (decode: Decode) => {
      const v = video.current;
      const context = frame.getContext('2d', { willReadFrequently: true });
      if (v && context && v.readyState >= 2 && v.videoWidth > 0 && !live.current.paused) {
        const scale = Math.min(1, MAX_WIDTH / v.videoWidth);
        frame.width = Math.round(v.videoWidth * scale);
        frame.height = Math.round(v.videoHeight * scale);
        context.drawImage(v, 0, 0, frame.width, frame.height);
        const code = decode(
          context.getImageData(0, 0, frame.width, frame.height).data,
          frame.width,
          frame.height,
        );
        const now = Date.now();
        if (code && (code !== last.code || now - last.at > live.current.holdMs)) {
          last.code = code;
          last.at = now;
          live.current.onCode(code);
        }
      }
      if (!stopped) timer = setTimeout(() => read(decode), FRAME_MS);
    };

    const start = async () => {
      if (!loadDecoder || typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
        setState('unavailable');
        return;
      }
      try {
        const [decode, media] = await Promise.all([
          loadDecoder(),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = media;
        if (stopped || !video.current) return;
        video.current.srcObject = media;
        await video.current.play();
        setState('scanning');
        read(decode);
      } catch {
        if (!stopped) setState('unavailable');
      }
    };

    void start();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, []);

  return (
    <View className={`camera camera--${state}`}>
      {state === 'unavailable' ? null : <video ref={video} className="camera__video" muted playsInline />}
      <Text className={state === 'unavailable' ? 'camera__text camera__text--off' : 'camera__text'}>
        {state === 'unavailable' ? `⚠ ${TEXT.unavailable}` : TEXT[state]}
      </Text>
    </View>
  );
}
