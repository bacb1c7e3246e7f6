import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../../config/app-config.js';
import type { AccessPolicy } from '../auth/access.decorator.js';
import { ErrorBodyDto } from '../errors/error-body.dto.js';

/** The extension `Access()` writes on each operation; read here and removed from the published document. */
export const ACCESS_EXTENSION = 'x-access';

const BEARER = 'bearer';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

/**
 * The OpenAPI document of the running app. Each operation states who may call it (from the same
 * `Access()` declaration the AccessGuard enforces, so the two cannot drift) and the 4xx answers
 * every route of that kind can give, all in the one error shape of the contract.
 */
export function createOpenApiDocument(app: INestApplication, config: AppConfig): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Compact Voices API')
      .setDescription('Consultation on the GCM recommendations of the Asia-Pacific Migration Report 2020, Chapter 7.')
      .setVersion('1')
      .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
      .addServer(config.publicUrl)
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from sign-in or refresh.' },
        BEARER,
      )
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const) {
      const operation = item[method];
      if (operation) describeAccess(path, operation);
    }
  }
  return document;
}

function describeAccess(path: string, operation: Operation): void {
  const extended = operation as Operation & { [ACCESS_EXTENSION]?: AccessPolicy };
  const policy = extended[ACCESS_EXTENSION];
  delete extended[ACCESS_EXTENSION];
  // A route without a policy is refused by the AccessGuard; describe it as signed-in only.
  const kind = policy?.kind ?? 'authenticated';
  // Public routes answer anyone; a bearer token, if sent, is checked and personalises the answer.
  operation.security = kind === 'public' ? [{}, { [BEARER]: [] }] : [{ [BEARER]: [] }];
  const responses: Responses = operation.responses ?? {};
  const hasInput = Boolean(operation.parameters?.length) || Boolean(operation.requestBody);
  add(
    responses,
    '400',
    hasInput ? 'The input is not valid: `code` and `details` name the field and the reason.' : 'The request is malformed.',
  );
  add(responses, '401', kind === 'public' ? 'A bearer token was sent and is not valid.' : 'No valid bearer token.');
  if (kind === 'roles' && policy?.kind === 'roles') add(responses, '403', `Needs one of the roles: ${policy.roles.join(', ')}.`);
  else if (kind === 'authenticated') add(responses, '403', 'The account may not do this here (not its own, suspended, or not verified).');
  if (path.includes('{')) add(responses, '404', 'Nothing at this address.');
  add(responses, '429', 'Too many requests: wait for the `Retry-After` header.');
  operation.responses = responses;
}

function add(responses: Responses, status: string, description: string): void {
  if (responses[status]) return;
  responses[status] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } } };
}
