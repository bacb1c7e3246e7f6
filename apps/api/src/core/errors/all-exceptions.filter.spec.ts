import { BadRequestException, HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from './api.exception.js';
import { toErrorBody } from './all-exceptions.filter.js';

describe('toErrorBody', () => {
  it('keeps the code and details of an ApiException', () => {
    const details = [{ field: 'q', reason: 'maxLength', message: 'too long' }];
    expect(toErrorBody(new ApiException(400, ErrorCode.VALIDATION_FAILED, 'Invalid input', details))).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      details,
    });
  });

  it('marks an unmatched route as ROUTE_NOT_FOUND but a thrown 404 as NOT_FOUND', () => {
    expect(toErrorBody(new NotFoundException('Cannot GET /api/v1/x')).code).toBe(ErrorCode.ROUTE_NOT_FOUND);
    expect(toErrorBody(new NotFoundException('gone')).code).toBe(ErrorCode.NOT_FOUND);
  });

  it('maps Nest HTTP exceptions to stable codes by status', () => {
    expect(toErrorBody(new PayloadTooLargeException())).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
    expect(toErrorBody(new BadRequestException('bad'))).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('turns database unavailability into 503 SERVICE_UNAVAILABLE', () => {
    expect(toErrorBody(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toMatchObject({
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      code: 'SERVICE_UNAVAILABLE',
    });
    expect(toErrorBody(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' })).statusCode).toBe(503);
    // node-postgres: a connection lost mid-query has no code, only a message (wrapped by TypeORM).
    const lost = Object.assign(new Error('Connection terminated unexpectedly'), {
      driverError: new Error('Connection terminated unexpectedly'),
    });
    expect(toErrorBody(lost).statusCode).toBe(503);
    expect(toErrorBody(new Error('timeout exceeded when trying to connect')).statusCode).toBe(503);
    expect(toErrorBody(new Error('Connection terminated: something else entirely')).statusCode).toBe(503);
    expect(toErrorBody(new Error('relation "x" does not exist')).statusCode).toBe(500);
  });

  it('answers a value the database refused as malformed or out of range (class 22) with 400, not 500', () => {
    const outOfRange = Object.assign(new Error('value "100000000000000000000" is out of range for type bigint'), { code: '22003' });
    expect(toErrorBody(outOfRange)).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    const wrapped = Object.assign(new Error('QueryFailedError'), {
      driverError: Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' }),
    });
    expect(toErrorBody(wrapped).statusCode).toBe(400);
    expect(toErrorBody(Object.assign(new Error('duplicate key'), { code: '23505' })).statusCode).toBe(500);
  });

  it('hides the message of anything unexpected behind a 500 INTERNAL_ERROR', () => {
    expect(toErrorBody(new Error('secret internals at /srv/app'))).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Internal error',
    });
  });
});
