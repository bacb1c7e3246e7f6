import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PRINCIPLE_CODES, type PrincipleCode } from '@compact-voices/contracts';

export class ListRecommendationsQueryDto {
  @ApiPropertyOptional({ enum: PRINCIPLE_CODES, description: 'Only recommendations under this principle' })
  @IsOptional()
  @IsIn(PRINCIPLE_CODES)
  principle?: PrincipleCode;

  @ApiPropertyOptional({ minimum: 1, maximum: 23, description: 'Only recommendations linked to this GCM objective' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(23)
  objective?: number;

  @ApiPropertyOptional({ maxLength: 200, description: 'Full-text search (PostgreSQL websearch syntax) or a code such as HR-1' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(/\S/, { message: 'q must not be blank' })
  q?: string;
}
