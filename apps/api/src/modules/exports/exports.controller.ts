import { Body, Controller, Delete, Get, Header, HttpCode, HttpStatus, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiGoneResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ErrorCode, type LocaleCode } from '@compact-voices/contracts';
import { Public, Roles } from '../../core/auth/access.decorator.js';
import { CurrentUser, type AuthUser } from '../../core/auth/auth-user.js';
import { ErrorBodyDto } from '../../core/errors/error-body.dto.js';
import { ApiException } from '../../core/errors/api.exception.js';
import { RequestLocale } from '../../core/http/request-locale.js';
import { UuidParam } from '../../core/http/uuid-param.js';
import { refreshCookie } from '../accounts/refresh-cookie.js';
import { Idempotent } from '../idempotency/idempotency.interceptor.js';
import { CodebookQueryDto, CreateExportDto, ExportJobDto, ExportJobListDto, OpenDataListDto } from './dto/export.dto.js';
import { ExportsService, type DownloadFile } from './exports.service.js';

function send(exports: ExportsService, file: DownloadFile, response: Response, cache: string): StreamableFile {
  response.setHeader('Content-Type', file.contentType);
  // Express writes an ASCII filename= and an RFC 6266 filename*=; our names are ASCII already.
  response.attachment(file.fileName);
  response.setHeader('Cache-Control', cache);
  return new StreamableFile(exports.stream(file) as unknown as import('node:stream').Readable);
}

@ApiTags('exports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Post('exports')
  @Roles('admin')
  @Idempotent()
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ summary: 'Export a dataset, the pack (zip with codebook and manifest) or the PDF report, as a background job (admin)' })
  @ApiAcceptedResponse({ type: ExportJobDto })
  @ApiTooManyRequestsResponse({ type: ErrorBodyDto, description: 'More than 3 exports queued or running' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateExportDto, @RequestLocale() locale?: LocaleCode) {
    return this.exports.create(user, dto, locale);
  }

  @Get('exports')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Your recent exports' })
  @ApiOkResponse({ type: ExportJobListDto })
  list(@CurrentUser() user: AuthUser) {
    return this.exports.list(user);
  }

  @Get('exports/download/:token')
  @Public()
  @ApiOperation({
    summary: 'Download a finished export: single use, 15 minutes, only in the browser session that asked for the link (its refresh cookie)',
  })
  @ApiProduces(
    'text/csv',
    'application/x-ndjson',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/zip',
    'application/pdf',
  )
  @ApiOkResponse({ description: 'The file, as an attachment, in the format the export was asked in' })
  @ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'AUTHENTICATION_REQUIRED, DOWNLOAD_LINK_INVALID' })
  @ApiGoneResponse({ type: ErrorBodyDto, description: 'DOWNLOAD_LINK_EXPIRED (used or late)' })
  async download(@Param('token') token: string, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token))
      throw new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.DOWNLOAD_LINK_INVALID, 'This download link is not valid here');
    return send(this.exports, await this.exports.consumeLink(token, refreshCookie(request)), response, 'no-store');
  }

  @Get('exports/:id')
  @Roles('admin')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'An export’s status and progress (its requester only); when done, a fresh single-use download link' })
  @ApiOkResponse({ type: ExportJobDto })
  get(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.EXPORT_NOT_FOUND) id: string) {
    return this.exports.get(user, id);
  }

  @Delete('exports/:id')
  @Roles('admin')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Cancel a queued or running export' })
  @ApiNoContentResponse()
  cancel(@CurrentUser() user: AuthUser, @UuidParam('id', ErrorCode.EXPORT_NOT_FOUND) id: string) {
    return this.exports.cancel(user, id);
  }

  @Get('open-data')
  @Public()
  @Header('Cache-Control', 'public, max-age=60')
  @ApiOperation({ summary: 'The published export pack of each closed round, with its codebook' })
  @ApiOkResponse({ type: OpenDataListDto })
  openData() {
    return this.exports.openData();
  }

  @Get('open-data/:consultationId/pack')
  @Public()
  @ApiOperation({ summary: 'A closed round’s published pack (zip: CSVs, codebook, README, SHA-256 manifest)' })
  @ApiProduces('application/zip')
  async openDataPack(
    @UuidParam('consultationId', ErrorCode.OPEN_DATA_NOT_FOUND) consultationId: string,
    @Res({ passthrough: true }) response: Response,
  ) {
    return send(this.exports, await this.exports.openDataFile(consultationId), response, 'public, max-age=300');
  }

  @Get('open-data/:consultationId/codebook')
  @Public()
  @Header('Content-Type', 'text/markdown; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'The codebook of published packs (markdown)' })
  @ApiProduces('text/markdown')
  async openDataCodebook(
    @UuidParam('consultationId', ErrorCode.OPEN_DATA_NOT_FOUND) consultationId: string,
    @Query() query: CodebookQueryDto,
  ) {
    await this.exports.openDataFile(consultationId);
    return this.exports.codebook(query.locale);
  }
}
