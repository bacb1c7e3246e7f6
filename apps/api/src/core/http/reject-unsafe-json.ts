import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '@compact-voices/contracts';
import { ApiException } from '../errors/api.exception.js';
import { TEXT_PROBLEM_MESSAGES, normaliseText, textProblem } from './text-input.js';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/**
 * Runs after JSON parsing: refuses prototype-pollution keys anywhere in the body and nesting
 * deeper than any of our requests needs, and applies the text rule of
 * text-input.ts to every string, key or value (refused with the field's path, or normalised to NFC
 * in place). Iterative, so a hostile depth costs one pass and no stack.
 */
export function rejectUnsafeJson(request: Request, _response: Response, next: NextFunction): void {
  const stack: Array<{ value: unknown; path: string; depth: number; parent?: Record<string, unknown>; key?: string }> = [
    { value: request.body as unknown, path: '', depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth, parent, key: ownKey } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) {
        next(invalid(path || 'body', problem, TEXT_PROBLEM_MESSAGES[problem]));
        return;
      }
      if (parent && ownKey !== undefined) parent[ownKey] = normaliseText(value);
      continue;
    }
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
      const keyProblem = textProblem(key);
      if (keyProblem) {
        next(invalid(path || 'body', keyProblem, TEXT_PROBLEM_MESSAGES[keyProblem]));
        return;
      }
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: childPath,
        depth: depth + 1,
        parent: value as Record<string, unknown>,
        key,
      });
    }
  }
  next();
}

function invalid(field: string, reason: string, message: string): ApiException {
  return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, `Invalid input: ${message}`, [{ field, reason, message }]);
}

/** The same text rule for the path (`/principles/x%00`) and the query string (`?q=%00`): refused before any route sees them. */
export function rejectUnsafeQuery(request: Request, _response: Response, next: NextFunction): void {
  let path: string | undefined;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    path = undefined; // Malformed escapes: the router answers those.
  }
  const pathProblem = path === undefined ? null : textProblem(path);
  if (pathProblem) {
    next(invalid('path', pathProblem, TEXT_PROBLEM_MESSAGES[pathProblem]));
    return;
  }
  const stack: Array<{ value: unknown; path: string }> = [{ value: request.query as unknown, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) {
        next(invalid(path || 'query', problem, TEXT_PROBLEM_MESSAGES[problem]));
        return;
      }
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    for (const key of Object.keys(value)) {
      const keyProblem = textProblem(key);
      if (keyProblem) {
        next(invalid('query', keyProblem, TEXT_PROBLEM_MESSAGES[keyProblem]));
        return;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key });
    }
  }
  next();
}
