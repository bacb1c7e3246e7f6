import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/**
 * Runs after JSON parsing: refuses prototype-pollution keys anywhere in the body and nesting
 * deeper than any of our requests needs (INP-03, INP-05). Iterative, so a hostile depth costs
 * one pass and no stack.
 */
export function rejectUnsafeJson(request: Request, _response: Response, next: NextFunction): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: request.body as unknown, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_DEPTH) {
      next(invalid(path || 'body', 'tooDeep', `Nested deeper than ${MAX_DEPTH} levels`));
      return;
    }
    for (const key of Object.keys(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        next(invalid(childPath, 'forbiddenKey', `${key} is not allowed`));
        return;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: childPath, depth: depth + 1 });
    }
  }
  next();
}

function invalid(field: string, reason: string, message: string): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, `Invalid input: ${message}`, [{ field, reason, message }]);
}
