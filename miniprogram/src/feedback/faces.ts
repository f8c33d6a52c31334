import { RATING_LABELS } from '../../../shared/contract/feedback';

/** One face per rating 1..5, always shown with its word so the choice never rests on the picture. */
export const FACES = ['😞', '🙁', '😐', '🙂', '😄'] as const;

export interface Face {
  rating: number;
  face: string;
  word: string;
}

export const RATING_FACES: readonly Face[] = RATING_LABELS.map((word, i) => ({
  rating: i + 1,
  face: FACES[i] ?? '',
  word,
}));

/** `4` → `🙂 满意`. */
export const ratingText = (rating: number): string => {
  const face = RATING_FACES[rating - 1];
  return face ? `${face.face} ${face.word}` : String(rating);
};
