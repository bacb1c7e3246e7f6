import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { AuditHeadEntity } from '../audit/audit-head.entity.js';
import { EmailTokenEntity } from '../../modules/accounts/email-token.entity.js';
import { RefreshTokenEntity } from '../../modules/accounts/refresh-token.entity.js';
import { UserSessionEntity } from '../../modules/accounts/user-session.entity.js';
import { UserEntity } from '../../modules/accounts/user.entity.js';
import { OrganisationMembershipEntity } from '../../modules/organisations/organisation-membership.entity.js';
import { OrganisationEntity } from '../../modules/organisations/organisation.entity.js';
import { CommentEntity, CommentReactionEntity, CommentRevisionEntity } from '../../modules/comments/comment.entity.js';
import {
  ConsultationCountryEntity,
  ConsultationEntity,
  ConsultationModeratorEntity,
  ConsultationRecommendationEntity,
  ConsultationSafeguardingOfficerEntity,
} from '../../modules/consultations/consultation.entity.js';
import { IdempotencyKeyEntity } from '../../modules/idempotency/idempotency-key.entity.js';
import {
  OfficialAssessmentEntity,
  OfficialAssessmentRevisionEntity,
  RatingEntity,
  RatingRevisionEntity,
} from '../../modules/ratings/rating.entity.js';
import { ThreadEventEntity, ThreadSequenceEntity } from '../../modules/threads/thread-event.entity.js';
import { HouseRuleEntity } from '../../modules/moderation/house-rule.entity.js';
import { AppealEntity } from '../../modules/moderation/appeal.entity.js';
import { CommentFlagEntity } from '../../modules/moderation/comment-flag.entity.js';
import { ModerationDecisionEntity } from '../../modules/moderation/moderation-decision.entity.js';
import { SanctionEntity } from '../../modules/moderation/sanction.entity.js';
import { WordFilterTermEntity } from '../../modules/moderation/word-filter-term.entity.js';
import { NotificationEntity } from '../../modules/notifications/notification.entity.js';
import { ExportDownloadLinkEntity, ExportJobEntity } from '../../modules/exports/export-job.entity.js';
import { CountryEntity } from '../../modules/catalogue/country.entity.js';
import {
  RatingCellEntity,
  RatingReleaseEntity,
  RatingStatisticEntity,
  ReleasedRatingEntity,
} from '../../modules/disclosure/rating-release.entity.js';
import { ContentTranslationEntity } from '../../modules/catalogue/content-translation.entity.js';
import { ObjectiveEntity } from '../../modules/catalogue/objective.entity.js';
import { PrincipleEntity } from '../../modules/catalogue/principle.entity.js';
import { RecommendationObjectiveEntity } from '../../modules/catalogue/recommendation-objective.entity.js';
import { RecommendationEntity } from '../../modules/catalogue/recommendation.entity.js';
import { StakeholderTypeEntity } from '../../modules/catalogue/stakeholder-type.entity.js';

/**
 * Every entity of every module. One list so that the app, the migration generator and the
 * "entities match migrations" test all see the same schema.
 */
export const ENTITIES = [
  PrincipleEntity,
  ObjectiveEntity,
  RecommendationEntity,
  RecommendationObjectiveEntity,
  CountryEntity,
  StakeholderTypeEntity,
  ContentTranslationEntity,
  UserEntity,
  UserSessionEntity,
  RefreshTokenEntity,
  EmailTokenEntity,
  OrganisationEntity,
  OrganisationMembershipEntity,
  AuditEventEntity,
  AuditHeadEntity,
  ConsultationEntity,
  ConsultationRecommendationEntity,
  ConsultationCountryEntity,
  ConsultationModeratorEntity,
  ConsultationSafeguardingOfficerEntity,
  CommentEntity,
  CommentRevisionEntity,
  CommentReactionEntity,
  RatingEntity,
  RatingRevisionEntity,
  OfficialAssessmentEntity,
  OfficialAssessmentRevisionEntity,
  RatingCellEntity,
  RatingReleaseEntity,
  ReleasedRatingEntity,
  RatingStatisticEntity,
  IdempotencyKeyEntity,
  ThreadEventEntity,
  ThreadSequenceEntity,
  HouseRuleEntity,
  CommentFlagEntity,
  ModerationDecisionEntity,
  AppealEntity,
  SanctionEntity,
  WordFilterTermEntity,
  NotificationEntity,
  ExportJobEntity,
  ExportDownloadLinkEntity,
];
