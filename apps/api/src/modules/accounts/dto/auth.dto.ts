import { SchemaDto } from '../../../core/http/schema-dto.js';
import { signUpSchema, signInSchema, emailRequestSchema, tokenSchema, passwordResetConfirmSchema } from '@compact-voices/contracts/schemas';

export class SignUpDto extends SchemaDto(signUpSchema) {}

export class SignInDto extends SchemaDto(signInSchema) {}

export class EmailDto extends SchemaDto(emailRequestSchema) {}

export class TokenDto extends SchemaDto(tokenSchema) {}

export class PasswordResetConfirmDto extends SchemaDto(passwordResetConfirmSchema) {}
