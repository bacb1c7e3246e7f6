import { createCommentSchema, listCommentsQuerySchema, signUpSchema, updateMeSchema } from '@compact-voices/contracts/schemas';
import { ApiException } from '../errors/api.exception.js';
import { SchemaDto, openApiProperties } from './schema-dto.js';
import { SchemaValidationPipe } from './schema-validation.pipe.js';

class CreateCommentDto extends SchemaDto(createCommentSchema) {}
class ListCommentsQueryDto extends SchemaDto(listCommentsQuerySchema) {}
class SignUpDto extends SchemaDto(signUpSchema) {}
class UpdateMeDto extends SchemaDto(updateMeSchema) {}

const pipe = new SchemaValidationPipe();

function refusal(value: unknown, metatype: unknown, type: 'body' | 'query' = 'body') {
  try {
    pipe.transform(value, { type, metatype: metatype as never });
  } catch (error) {
    expect(error).toBeInstanceOf(ApiException);
    const { code, details = [] } = error as ApiException;
    return { code, details };
  }
  throw new Error('accepted');
}

describe('SchemaValidationPipe', () => {
  it('hands the handler the parsed value: trimmed strings, numbers from the query string', () => {
    const body = pipe.transform(
      { email: '  amina@example.org ', password: 'x'.repeat(12), displayName: ' Amina ' },
      { type: 'body', metatype: SignUpDto },
    );
    expect(body).toEqual({ email: 'amina@example.org', password: 'x'.repeat(12), displayName: 'Amina' });
    expect(pipe.transform({ limit: '20', sort: 'top' }, { type: 'query', metatype: ListCommentsQueryDto })).toEqual({
      limit: 20,
      sort: 'top',
    });
  });

  it('answers VALIDATION_FAILED with the field and a stable reason for each problem', () => {
    const answer = refusal({ body: ' \n ', stance: 'angry', extra: 1 }, CreateCommentDto);
    expect(answer.code).toBe('VALIDATION_FAILED');
    expect(answer.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body', reason: 'blank' }),
        expect.objectContaining({ field: 'stance', reason: 'isIn' }),
        expect.objectContaining({ field: 'extra', reason: 'unknownField' }),
      ]),
    );
    expect(refusal({}, CreateCommentDto).details).toEqual([expect.objectContaining({ field: 'body', reason: 'required' })]);
    expect(refusal({ body: 'x'.repeat(5001) }, CreateCommentDto).details[0].reason).toBe('maxLength');
    expect(refusal({ displayName: 'two\nlines' }, UpdateMeDto).details[0]).toMatchObject({ field: 'displayName', reason: 'oneLine' });
    expect(refusal({ email: 'not-an-address', password: 'p', displayName: 'A' }, SignUpDto).details[0].reason).toBe('isEmail');
  });

  it('refuses what is not an object, and query numbers that are not whole numbers in range', () => {
    expect(refusal(undefined, CreateCommentDto).code).toBe('VALIDATION_FAILED');
    expect(refusal('body', CreateCommentDto).code).toBe('VALIDATION_FAILED');
    for (const limit of ['0', '101', '2.5', 'abc', '']) {
      expect(refusal({ limit }, ListCommentsQueryDto, 'query').details[0].field).toBe('limit');
    }
  });

  it('leaves values of other types alone', () => {
    expect(pipe.transform('NPL', { type: 'param', metatype: String })).toBe('NPL');
    expect(pipe.transform({ any: 1 }, { type: 'body', metatype: Object })).toEqual({ any: 1 });
  });
});

describe('SchemaDto in the OpenAPI document', () => {
  it('describes each property with its limits and whether it is required', () => {
    const properties = openApiProperties(createCommentSchema);
    expect(properties.body).toMatchObject({ type: 'string', maxLength: 5000, required: true });
    expect(properties.parentId).toMatchObject({ type: 'string', required: false });
    expect(properties.stance).toMatchObject({ enum: ['supports', 'concern', 'information', 'question'], required: false });
    expect(openApiProperties(listCommentsQuerySchema).limit).toMatchObject({ minimum: 1, maximum: 100, required: false });
  });
});

describe('text limits', () => {
  it('count characters as people do: an emoji is one, as in PostgreSQL’s char_length', () => {
    const emoji = '🙂'.repeat(5000);
    expect(emoji.length).toBe(10_000);
    expect(pipe.transform({ body: emoji }, { type: 'body', metatype: CreateCommentDto })).toEqual({ body: emoji });
    expect(refusal({ body: `${emoji}🙂` }, CreateCommentDto).details[0]).toMatchObject({ field: 'body', reason: 'maxLength' });
    expect(openApiProperties(createCommentSchema).body).toMatchObject({ maxLength: 5000 });
  });
});
