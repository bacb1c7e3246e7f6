/** Announced when how a person is shown may have changed (name, privacy mode, erasure). */
export const IDENTITY_CHANGED = 'identity.changed';
