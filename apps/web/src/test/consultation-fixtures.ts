import type { Comment, Consultation, Country, RatingSummary, RecommendationDetail } from '@compact-voices/contracts';
import { pc1 } from './fixtures';

export const ROUND_ID = '0b6f4a52-8f0e-4d47-9a3c-2f1d6f0b9a11';

export const round: Consultation = {
  id: ROUND_ID,
  title: 'Regional review 2027',
  description: 'Tell us **how far** each country has come.',
  descriptionHtml: '<p>Tell us <strong>how far</strong> each country has come.</p>',
  opensAt: '2026-01-01T00:00:00.000Z',
  closesAt: '2099-12-31T00:00:00.000Z',
  moderationMode: 'post',
  status: 'open',
  acceptingContributions: true,
  recommendationCodes: ['PC-1', 'HR-1'],
  countryIso3s: ['NPL', 'PHL'],
  createdAt: '2025-12-01T00:00:00.000Z',
};

export const pc1Detail: RecommendationDetail = {
  language: 'en',
  translation: null,
  code: pc1.code,
  principleCode: pc1.principleCode,
  order: pc1.order,
  text: pc1.text,
  note: null,
  objectives: [],
};

export const nepal: Country = { iso3: 'NPL', name: 'Nepal', subregion: 'South and South-West Asia', inRegion: true };
export const philippines: Country = { iso3: 'PHL', name: 'Philippines', subregion: 'South-East Asia', inRegion: true };

let sequence = 0;

/** A published comment in the PC-1 thread of `round`. */
export function comment(overrides: Partial<Comment> = {}): Comment {
  sequence += 1;
  const id = overrides.id ?? `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    id,
    consultationId: ROUND_ID,
    recommendationCode: 'PC-1',
    parentId: null,
    depth: 0,
    body: `Comment ${sequence}`,
    bodyHtml: `<p>Comment ${sequence}</p>`,
    language: null,
    stance: null,
    countryIso3: null,
    author: { displayName: 'Amina Rahman', stakeholderType: 'individual', organisation: null, countryIso3: null },
    status: 'published',
    createdAt: '2026-02-01T10:00:00.000Z',
    editedAt: null,
    reactions: { agree: 0, disagree: 0 },
    ...overrides,
  };
}

export const suppressedSummary: RatingSummary = {
  n: null,
  distribution: null,
  median: null,
  mean: null,
  byStakeholderType: null,
  gap: null,
  suppressed: true,
  official: null,
};

export const nepalSummary: RatingSummary = {
  n: 9,
  distribution: { '0': 1, '1': 2, '2': 4, '3': 1, '4': 1, dontKnow: 1 },
  median: 2,
  mean: 1.9,
  byStakeholderType: { 'civil-society': { n: 6, median: 2, mean: 1.8 }, government: { suppressed: true } },
  gap: { value: 1.5, ciLow: 0.5, ciHigh: 2.5 },
  suppressed: false,
  official: {
    countryIso3: 'NPL',
    score: 3,
    narrative: 'A national action plan was adopted in 2025.',
    organisation: { id: '7d1c2a9e-3b0d-4c55-9a51-0d7f3e2b8c41', name: 'Ministry of Labour', verified: true },
    updatedAt: '2026-02-10T09:00:00.000Z',
  },
};
