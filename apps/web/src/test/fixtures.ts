import type {
  Me,
  ObjectiveSummary,
  PrincipleDetail,
  PrincipleSummary,
  RecommendationDetail,
  RecommendationSummary,
} from '@compact-voices/contracts';

// A few rows of the real catalogue (apps/api/src/modules/catalogue/data), enough to render pages.

export const peopleCentredness: PrincipleSummary = {
  language: 'en',
  translation: null,
  code: 'PC',
  order: 1,
  title: 'People-centredness',
  description:
    'The GCM has a strong human dimension: it promotes the well-being of migrants and of the communities in countries of origin, transit and destination, and so puts individuals at the core of the Compact.',
  recommendationCount: 1,
};

export const humanRights: PrincipleSummary = {
  language: 'en',
  translation: null,
  code: 'HR',
  order: 6,
  title: 'Human rights',
  description: 'The GCM is grounded in international human rights law and upholds non-regression and non-discrimination.',
  recommendationCount: 2,
};

export const pc1: RecommendationSummary = {
  language: 'en',
  translation: null,
  code: 'PC-1',
  principleCode: 'PC',
  order: 1,
  text: 'Individuals, regardless of their region of origin or destination or their migration status, should be at the centre of every migration policy. The formulation of such policies should recognize the particular and diverse circumstances of migrants in the region, their needs and the challenges they face, to ensure that these polices support and do not create vulnerable situations for migrants.',
  objectiveNumbers: [1, 7],
};

export const hr2: RecommendationSummary = {
  language: 'en',
  translation: null,
  code: 'HR-2',
  principleCode: 'HR',
  order: 2,
  text: 'Where they have not already done so, national human rights institutions should integrate migrants and migration into their core work, and reach out to stakeholders to support that work.',
  objectiveNumbers: [7],
};

export const hr1Detail: RecommendationDetail = {
  language: 'en',
  translation: null,
  code: 'HR-1',
  principleCode: 'HR',
  order: 1,
  text: 'All countries in the region have ratified at least some of the core international human rights treaties and States are called upon to consider ratifying or acceding to those to which they are not party. Although all core human rights instruments are relevant to migrants, given the importance of migration for work in the region, there should be a renewed commitment to respect, promote, ratify and implement such treaties, in particular the International Convention on the Protection of the Rights of All Migrant Workers and Members of their Families (1990). Migration-related policies and laws should be consistent with these obligations.',
  note: 'The core human rights treaties are as follows: International Convention on the Elimination of All Forms of Racial Discrimination; International Covenant on Civil and Political Rights; International Covenant on Economic, Social and Cultural Rights; Convention on the Elimination of All Forms of Discrimination against Women; Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment; Convention on the Rights of the Child; International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families; International Convention for the Protection of All Persons from Enforced Disappearance; and the Convention on the Rights of Persons with Disabilities.',
  objectives: [
    {
      number: 6,
      title: 'Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work',
      rationale:
        'Singles out the Migrant Workers Convention (1990); promoting ratification of labour-migration instruments is an objective 6 action.',
    },
    {
      number: 7,
      title: 'Address and reduce vulnerabilities in migration',
      rationale:
        "A full set of ratified human rights treaties and consistent national law is the legal basis for reducing migrants' vulnerabilities.",
    },
    {
      number: 17,
      title: 'Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration',
      rationale: 'The core treaties, e.g. CERD and CEDAW, bind States to eliminate discrimination, including against migrants.',
    },
  ],
};

export const hr1: RecommendationSummary = {
  language: 'en',
  translation: null,
  code: hr1Detail.code,
  principleCode: hr1Detail.principleCode,
  order: hr1Detail.order,
  text: hr1Detail.text,
  objectiveNumbers: hr1Detail.objectives.map((objective) => objective.number),
};

export const humanRightsDetail: PrincipleDetail = { ...humanRights, recommendations: [hr1, hr2] };

export const objective7: ObjectiveSummary = {
  language: 'en',
  translation: null,
  number: 7,
  title: 'Address and reduce vulnerabilities in migration',
  recommendationCodes: ['PC-1', 'HR-1', 'HR-2'],
};

export const objective1: ObjectiveSummary = {
  language: 'en',
  translation: null,
  number: 1,
  title: 'Collect and utilize accurate and disaggregated data as a basis for evidence-based policies',
  recommendationCodes: ['PC-1'],
};

export const participant: Me = {
  id: '6f1c2a9e-3b0d-4c55-9a51-0d7f3e2b8c41',
  email: 'amina@example.org',
  displayName: 'Amina Rahman',
  locale: 'en',
  roles: ['participant'],
  emailVerified: true,
  privacyMode: 'public',
  pseudonym: 'Quiet Heron 42',
  stakeholderType: 'individual',
  countryIso3: null,
  actingOrganisationId: null,
  memberships: [],
  createdAt: '2026-01-05T08:00:00.000Z',
};
