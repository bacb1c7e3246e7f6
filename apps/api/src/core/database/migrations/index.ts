import { Catalogue1795718206666 } from './1795718206666-catalogue.js';
import { Consultations1795720592851 } from './1795720592851-consultations.js';
import { Identity1795719794264 } from './1795719794264-identity.js';
import { CommentAuthorRecentIndex1795722460000 } from './1795722460000-comment-author-recent-index.js';
import { HouseRules1795725600000 } from './1795725600000-house-rules.js';
import { Moderation1795728285940 } from './1795728285940-moderation.js';
import { Exports1795730342090 } from './1795730342090-exports.js';
import { IdempotencyClaimOwner1795740000000 } from './1795740000000-idempotency-claim-owner.js';
import { RatingReleases1795750000000 } from './1795750000000-rating-releases.js';
import { ProtectedIdentity1795760000000 } from './1795760000000-protected-identity.js';
import { AuditChain1795770000000 } from './1795770000000-audit-chain.js';
import { ModerationIntegrity1795780000000 } from './1795780000000-moderation-integrity.js';
import { MigrantStakeholderTypes1796300000000 } from './1796300000000-migrant-stakeholder-types.js';
import { TwelveLanguages1796400000000 } from './1796400000000-twelve-languages.js';
import { ContentTranslations1796410000000 } from './1796410000000-content-translations.js';
import { ExportLanguage1796420000000 } from './1796420000000-export-language.js';

/** Applied in this order. Never edit a migration that has landed; add a new one. */
export const MIGRATIONS = [
  Catalogue1795718206666,
  Identity1795719794264,
  Consultations1795720592851,
  CommentAuthorRecentIndex1795722460000,
  HouseRules1795725600000,
  Moderation1795728285940,
  Exports1795730342090,
  IdempotencyClaimOwner1795740000000,
  RatingReleases1795750000000,
  ProtectedIdentity1795760000000,
  AuditChain1795770000000,
  ModerationIntegrity1795780000000,
  MigrantStakeholderTypes1796300000000,
  TwelveLanguages1796400000000,
  ContentTranslations1796410000000,
  ExportLanguage1796420000000,
];
