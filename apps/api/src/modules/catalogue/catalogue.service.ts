import { HttpStatus, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  type Country,
  type ListResponse,
  type ObjectiveSummary,
  type PrincipleDetail,
  type PrincipleSummary,
  type RecommendationDetail,
  type RecommendationSummary,
  type StakeholderType,
} from '@compact-voices/contracts';
import { ApiException } from '../../core/errors/api.exception.js';
import { CatalogueRepository, type RecommendationFilter } from './catalogue.repository.js';

/** The catalogue is public reference data: no authorisation beyond "anyone may read". */
@Injectable()
export class CatalogueService {
  constructor(private readonly repository: CatalogueRepository) {}

  async listPrinciples(locale?: string): Promise<ListResponse<PrincipleSummary>> {
    return { items: await this.repository.listPrinciples(undefined, locale) };
  }

  async getPrinciple(rawCode: string, locale?: string): Promise<PrincipleDetail> {
    const code = rawCode.toUpperCase();
    const [principle] = await this.repository.listPrinciples(code, locale);
    if (!principle) {
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.PRINCIPLE_NOT_FOUND, `No principle with code ${code}`);
    }
    return { ...principle, recommendations: await this.repository.listRecommendations({ principle: code, locale }) };
  }

  async listRecommendations(filter: RecommendationFilter): Promise<ListResponse<RecommendationSummary>> {
    return { items: await this.repository.listRecommendations(filter) };
  }

  async getRecommendation(rawCode: string, locale?: string): Promise<RecommendationDetail> {
    const code = rawCode.toUpperCase();
    const recommendation = await this.repository.findRecommendation(code, locale);
    if (!recommendation) {
      throw new ApiException(HttpStatus.NOT_FOUND, ErrorCode.RECOMMENDATION_NOT_FOUND, `No recommendation with code ${code}`);
    }
    return recommendation;
  }

  async listObjectives(locale?: string): Promise<ListResponse<ObjectiveSummary>> {
    return { items: await this.repository.listObjectives(undefined, locale) };
  }

  async getObjective(rawNumber: string, locale?: string): Promise<ObjectiveSummary> {
    const number = /^\d{1,2}$/.test(rawNumber) ? Number(rawNumber) : undefined;
    const [objective] = number === undefined ? [] : await this.repository.listObjectives(number, locale);
    if (!objective) {
      throw new ApiException(
        HttpStatus.NOT_FOUND,
        ErrorCode.OBJECTIVE_NOT_FOUND,
        `No GCM objective ${rawNumber}; they are numbered 1 to 23`,
      );
    }
    return objective;
  }

  async listCountries(filter: { subregion?: string; inRegion?: boolean }): Promise<ListResponse<Country>> {
    return { items: await this.repository.listCountries(filter) };
  }

  async listStakeholderTypes(): Promise<ListResponse<StakeholderType>> {
    return { items: await this.repository.listStakeholderTypes() };
  }
}
