import { useTranslation } from 'react-i18next';

/** The implementation scale, and Don't know, as the rating form's values. */
export const RATING_CHOICES = ['0', '1', '2', '3', '4', 'dontKnow'] as const;
export type RatingChoice = (typeof RATING_CHOICES)[number];

export const OFFICIAL_CHOICES = ['0', '1', '2', '3', '4'] as const;

export function isRatingChoice(value: string): value is RatingChoice {
  return (RATING_CHOICES as readonly string[]).includes(value);
}

/** "In progress" for 2, "Don't know" for dontKnow. */
export function useScaleLabel(): (choice: RatingChoice | number) => string {
  const { t } = useTranslation();
  return (choice) => t(`ratings.scale.${String(choice) as RatingChoice}`);
}
