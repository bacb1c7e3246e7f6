/** class-transformer @Transform: trim strings, leave anything else for the validators to refuse. */
export const trimString = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
