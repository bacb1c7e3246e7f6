import { Controller, Get, Header, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../core/auth/access.decorator.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { CatalogueService } from './catalogue.service.js';
import {
  CountryListDto,
  ObjectiveListDto,
  ObjectiveSummaryDto,
  PrincipleDetailDto,
  PrincipleListDto,
  RecommendationDetailDto,
  RecommendationListDto,
  StakeholderTypeListDto,
} from './dto/catalogue-responses.dto.js';
import { CatalogueQueryDto } from './dto/catalogue.query.dto.js';
import { ListCountriesQueryDto } from './dto/list-countries.query.dto.js';
import { ListRecommendationsQueryDto } from './dto/list-recommendations.query.dto.js';

const CACHE = 'public, max-age=300';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(private readonly catalogue: CatalogueService) {}

  @Get('principles')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: "The 10 GCM guiding principles in the chapter's order" })
  @ApiOkResponse({ type: PrincipleListDto })
  listPrinciples(@Query() query: CatalogueQueryDto) {
    return this.catalogue.listPrinciples(query.locale);
  }

  @Get('principles/:code')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'One principle with its recommendations' })
  @ApiOkResponse({ type: PrincipleDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'PRINCIPLE_NOT_FOUND' })
  getPrinciple(@Param('code') code: string, @Query() query: CatalogueQueryDto) {
    return this.catalogue.getPrinciple(code, query.locale);
  }

  @Get('recommendations')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'Recommendations, filtered by principle, objective or full-text query' })
  @ApiOkResponse({ type: RecommendationListDto })
  listRecommendations(@Query() query: ListRecommendationsQueryDto) {
    return this.catalogue.listRecommendations(query);
  }

  @Get('recommendations/:code')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'One recommendation with its note and linked GCM objectives' })
  @ApiOkResponse({ type: RecommendationDetailDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'RECOMMENDATION_NOT_FOUND' })
  getRecommendation(@Param('code') code: string, @Query() query: CatalogueQueryDto) {
    return this.catalogue.getRecommendation(code, query.locale);
  }

  @Get('objectives')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'The 23 GCM objectives with the recommendations linked to each' })
  @ApiOkResponse({ type: ObjectiveListDto })
  listObjectives(@Query() query: CatalogueQueryDto) {
    return this.catalogue.listObjectives(query.locale);
  }

  @Get('objectives/:number')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'One GCM objective with the recommendations linked to it' })
  @ApiOkResponse({ type: ObjectiveSummaryDto })
  @ApiNotFoundResponse({ type: ErrorBodyDto, description: 'OBJECTIVE_NOT_FOUND' })
  getObjective(@Param('number') number: string, @Query() query: CatalogueQueryDto) {
    return this.catalogue.getObjective(number, query.locale);
  }

  @Get('countries')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'ESCAP members and associate members, plus the destinations outside the region the chapter names' })
  @ApiOkResponse({ type: CountryListDto })
  listCountries(@Query() query: ListCountriesQueryDto) {
    return this.catalogue.listCountries(query);
  }

  @Get('stakeholder-types')
  @Public()
  @Header('Cache-Control', CACHE)
  @ApiOperation({ summary: 'Stakeholder types (GCM paragraph 44 plus government) with their side' })
  @ApiOkResponse({ type: StakeholderTypeListDto })
  listStakeholderTypes() {
    return this.catalogue.listStakeholderTypes();
  }
}
