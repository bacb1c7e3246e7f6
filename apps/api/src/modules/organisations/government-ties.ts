/**
 * SQL (text[]): the countries whose government the account `u` (an app_user alias) is tied to — an
 * active membership of a government-side organisation (government, local authority), verified or
 * not. Moderating content about those countries is a conflict of interest.
 */
export const GOVERNMENT_TIES_SQL = `ARRAY(SELECT DISTINCT o.country_iso3::text FROM organisation_membership m
  JOIN organisation o ON o.id = m.organisation_id JOIN stakeholder_type st ON st.code = o.stakeholder_type
  WHERE m.user_id = u.id AND m.status = 'active' AND st.side = 'government' ORDER BY 1)`;
