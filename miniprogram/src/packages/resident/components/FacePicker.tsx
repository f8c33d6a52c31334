import { Text, View } from '@tarojs/components';
import { Field } from '../../../components/Field';
import { RATING_FACES } from '../../../feedback/faces';

export interface FacePickerProps {
  label: string;
  /** 1..5, or null before the first tap. */
  value: number | null;
  onChange: (rating: number) => void;
  /** Shown under the faces, prefixed with ⚠. */
  error?: string | undefined;
}

/**
 * Five large faces, each with its word (很不满意 … 很满意). The chosen one says ✓ and gets a thick frame,
 * so the choice never rests on colour; at large type they stack as full-width rows.
 */
export function FacePicker({ label, value, onChange, error }: FacePickerProps) {
  return (
    <Field label={label} error={error}>
      <View className="faces" role="radiogroup" aria-label={label}>
        {RATING_FACES.map(({ rating, face, word }) => {
          const on = value === rating;
          return (
            <View
              key={rating}
              className={on ? 'face face--on' : 'face'}
              role="radio"
              aria-checked={on}
              aria-label={word}
              data-rating={rating}
              onClick={() => onChange(rating)}
            >
              <Text className="face__icon">{face}</Text>
              <Text className="face__word">
                {on ? '✓ ' : ''}
                {word}
              </Text>
            </View>
          );
        })}
      </View>
    </Field>
  );
}
