import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A translation of one catalogue text (a principle's title and description, an objective's title, a
 * recommendation's text and note) into one interface language, with its provenance: who or what
 * translated it and when, and whether a reviewer has checked it against a source. The English text
 * in the catalogue tables stays authoritative; every translation is shown as unofficial.
 * Loaded from ./data/translations/<language>.json on start (CatalogueSeeder).
 */
@Entity('content_translation')
@Check('content_translation_subject_kind_check', `"subject_kind" IN ('principle', 'objective', 'recommendation')`)
@Check('content_translation_language_check', `"language" IN ('id', 'ur', 'ne', 'bn', 'fil', 'th', 'vi', 'zh', 'hi', 'ar', 'ru')`)
@Check('content_translation_fields_check', `jsonb_typeof("fields") = 'object'`)
@Check('content_translation_review_status_check', `"review_status" IN ('unreviewed', 'reviewed')`)
@Check('content_translation_reviewed_check', `("review_status" = 'reviewed') = ("reviewed_at" IS NOT NULL)`)
export class ContentTranslationEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_translation_pkey' })
  subjectKind!: 'principle' | 'objective' | 'recommendation';

  /** The principle's code, the objective's number, the recommendation's code. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_translation_pkey' })
  subjectKey!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'content_translation_pkey' })
  language!: string;

  /** The translated fields by name ({ title, description } of a principle; { text, note } of a recommendation). */
  @Column({ type: 'jsonb' })
  fields!: Record<string, string | null>;

  /** Who or what translated it ("Machine translation by a large language model…", a translator's name). */
  @Column({ type: 'text' })
  translator!: string;

  @Column({ type: 'date' })
  translatedAt!: string;

  @Column({ type: 'text', default: 'unreviewed' })
  reviewStatus!: 'unreviewed' | 'reviewed';

  @Column({ type: 'text', nullable: true })
  reviewer!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt!: Date | null;

  /** What the reviewer checked it against (an official UN text, a ministry's translation). */
  @Column({ type: 'text', nullable: true })
  source!: string | null;
}
