import type { ListResponse } from './lists.js';

export const PRINCIPLE_CODES = ['PC', 'IC', 'NS', 'RL', 'SD', 'HR', 'GR', 'CS', 'WG', 'WS'] as const;
export type PrincipleCode = (typeof PRINCIPLE_CODES)[number];

/** `PC-1` … `WS-5`. */
export const RECOMMENDATION_CODE_PATTERN = /^(PC|IC|NS|RL|SD|HR|GR|CS|WG|WS)-[1-9][0-9]?$/;

export const SUBREGIONS = [
  'East and North-East Asia',
  'South-East Asia',
  'South and South-West Asia',
  'North and Central Asia',
  'Pacific',
] as const;
export type Subregion = (typeof SUBREGIONS)[number];

export const STAKEHOLDER_SIDES = ['government', 'civil-society', 'other'] as const;
export type StakeholderSide = (typeof STAKEHOLDER_SIDES)[number];

export const STAKEHOLDER_TYPE_CODES = [
  'government',
  'local-authority',
  'parliament',
  'nhri',
  'un-system',
  'migrant-organisation',
  'civil-society',
  'trade-union',
  'employer',
  'academia',
  'media',
  'individual',
  'migrant',
  'returnee',
  'migrant-family',
  'other',
] as const;
export type StakeholderTypeCode = (typeof STAKEHOLDER_TYPE_CODES)[number];

/**
 * Types only a person can have, never an organisation: the migrant types first, so that migrants
 * speaking for themselves (or as a returnee, or for a migrant in their family) can be told apart
 * from other individuals. All are on the civil-society side.
 */
export const INDIVIDUAL_STAKEHOLDER_TYPES = [
  'migrant',
  'returnee',
  'migrant-family',
  'individual',
] as const satisfies readonly StakeholderTypeCode[];

export const TRANSLATION_REVIEW_STATUSES = ['unreviewed', 'reviewed'] as const;
export type TranslationReviewStatus = (typeof TRANSLATION_REVIEW_STATUSES)[number];

/** Where a translated catalogue text comes from. Every translation is unofficial: the English text is authoritative. */
export interface ContentTranslation {
  status: TranslationReviewStatus;
  /** Who or what translated it. */
  translator: string;
  /** YYYY-MM-DD. */
  translatedAt: string;
  reviewer: string | null;
  reviewedAt: string | null;
  /** What a reviewer checked it against. */
  source: string | null;
}

/**
 * The language an item's texts are in: the one asked for (`?locale=`) when there is a translation,
 * else English; and, when it is a translation, its provenance.
 */
export interface TranslatedContent {
  language: string;
  translation: ContentTranslation | null;
}

export interface PrincipleSummary extends TranslatedContent {
  code: PrincipleCode;
  order: number;
  title: string;
  description: string;
  recommendationCount: number;
}

export interface RecommendationSummary extends TranslatedContent {
  code: string;
  principleCode: PrincipleCode;
  order: number;
  text: string;
  objectiveNumbers: number[];
}

export interface PrincipleDetail extends PrincipleSummary {
  recommendations: RecommendationSummary[];
}

export interface RecommendationObjectiveLink {
  number: number;
  title: string;
  rationale: string;
}

export interface RecommendationDetail extends TranslatedContent {
  code: string;
  principleCode: PrincipleCode;
  order: number;
  text: string;
  note: string | null;
  objectives: RecommendationObjectiveLink[];
}

export interface ObjectiveSummary extends TranslatedContent {
  number: number;
  title: string;
  recommendationCodes: string[];
}

export interface Country {
  iso3: string;
  name: string;
  subregion: Subregion | null;
  inRegion: boolean;
}

export interface StakeholderType {
  code: StakeholderTypeCode;
  label: string;
  side: StakeholderSide;
}

export type PrincipleList = ListResponse<PrincipleSummary>;
export type RecommendationList = ListResponse<RecommendationSummary>;
export type ObjectiveList = ListResponse<ObjectiveSummary>;
export type CountryList = ListResponse<Country>;
export type StakeholderTypeList = ListResponse<StakeholderType>;
