import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { GATEWAY_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '../../src/core/auth/access.decorator.js';
import type { TestApp } from './test-app.js';

/** A registered HTTP route (path without the /api/v1 prefix) or socket event (method 'WS'), with its declared policy. */
export interface Route {
  method: string;
  path: string;
  policy: AccessPolicy | undefined;
}

/** Every route and socket event of the running app, read from Nest's metadata. */
export function registeredRoutes(testApp: TestApp): Route[] {
  const modules = testApp.app.get(ModulesContainer);
  const reflector = testApp.app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  for (const wrapper of [...modules.values()].flatMap((module) => [...module.controllers.values()])) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const controllerPath = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype as Type<unknown>) ?? '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const path = `/${[controllerPath, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((part) => part && part !== '/').join('/')}`;
      routes.push({
        method: RequestMethod[method],
        path: path.replace(/\/+/g, '/'),
        policy: reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, wrapper.metatype as Type<unknown>]),
      });
    }
  }
  // Socket events declare their policy the same way (the access matrix test covers both).
  for (const wrapper of [...modules.values()].flatMap((module) => [...module.providers.values()])) {
    const metatype = wrapper.metatype as Type<unknown> | undefined;
    if (!metatype || !wrapper.instance || !Reflect.getMetadata(GATEWAY_METADATA, metatype)) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as () => unknown;
      const message = Reflect.getMetadata(MESSAGE_METADATA, handler) as string | undefined;
      if (!message) continue;
      routes.push({
        method: 'WS',
        path: message,
        policy: reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [handler, metatype]),
      });
    }
  }
  return routes;
}
