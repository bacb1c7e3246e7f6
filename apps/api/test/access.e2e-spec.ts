import { RequestMethod, type Type } from '@nestjs/common';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ACCESS_POLICY } from '../src/core/auth/access.decorator.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/**
 * Deny by default: walks every controller method Nest registered and fails on any route that does
 * not declare who may call it. Roles join the matrix with the identity module.
 */
describe('route access declarations', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(() => testApp.close());

  it('every route declares an access policy', () => {
    const modules = testApp.app.get(ModulesContainer);
    const reflector = testApp.app.get(Reflector);
    const scanner = new MetadataScanner();
    const routes: Array<{ route: string; policy: unknown }> = [];
    for (const wrapper of [...modules.values()].flatMap((module) => [...module.controllers.values()])) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = `${String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as Type<unknown>))}/${String(Reflect.getMetadata(PATH_METADATA, handler))}`;
        routes.push({
          route: `${RequestMethod[method]} ${path}`,
          policy: reflector.getAllAndOverride(ACCESS_POLICY, [handler, wrapper.metatype as Type<unknown>]),
        });
      }
    }
    expect(routes.length).toBeGreaterThanOrEqual(8);
    expect(routes.filter((route) => route.policy === undefined)).toEqual([]);
  });
});
