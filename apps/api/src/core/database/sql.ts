/**
 * A timestamptz column as the API's ISO 8601 UTC string with milliseconds (`2027-01-15T08:30:00.000Z`),
 * formatted in the query so every endpoint writes time the same way.
 */
export function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
