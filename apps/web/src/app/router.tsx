import { Route, Routes } from 'react-router';
import { lazyNamed } from '../lib/lazy-named';
import { AppShell } from './layout/app-shell';
import { RequireAuth, RequireModerator } from './layout/require-auth';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { ObjectiveRoute } from './routes/objective-route';
import { PrincipleRoute } from './routes/principle-route';
import { RecommendationRoute } from './routes/recommendation-route';
import { SearchRoute } from './routes/search-route';

/**
 * A page fetched on first visit (its own chunk), so the first page of the catalogue stays small.
 * The shell's <Suspense> shows "Loading…" meanwhile, and its error boundary a failed load.
 */
const lazyPage = lazyNamed;
/** A reader's page: it needs only the first part of the language (locales/parts.ts). */
const READER = { readerOnly: true };

const SignUpRoute = lazyPage(() => import('./routes/sign-up-route'), 'SignUpRoute');
const SignInRoute = lazyPage(() => import('./routes/sign-in-route'), 'SignInRoute');
const VerifyEmailRoute = lazyPage(() => import('./routes/verify-email-route'), 'VerifyEmailRoute');
const ResendVerificationRoute = lazyPage(() => import('./routes/resend-verification-route'), 'ResendVerificationRoute');
const ForgotPasswordRoute = lazyPage(() => import('./routes/forgot-password-route'), 'ForgotPasswordRoute');
const ResetPasswordRoute = lazyPage(() => import('./routes/reset-password-route'), 'ResetPasswordRoute');

const AccountLayout = lazyPage(() => import('./layout/account-layout'), 'AccountLayout');
const AccountProfileRoute = lazyPage(() => import('./routes/account-profile-route'), 'AccountProfileRoute');
const AccountPrivacyRoute = lazyPage(() => import('./routes/account-privacy-route'), 'AccountPrivacyRoute');
const AccountPasswordRoute = lazyPage(() => import('./routes/account-password-route'), 'AccountPasswordRoute');
const AccountSessionsRoute = lazyPage(() => import('./routes/account-sessions-route'), 'AccountSessionsRoute');
const AccountDataRoute = lazyPage(() => import('./routes/account-data-route'), 'AccountDataRoute');
const AccountDeletedRoute = lazyPage(() => import('./routes/account-deleted-route'), 'AccountDeletedRoute');

const OrganisationsRoute = lazyPage(() => import('./routes/organisations-route'), 'OrganisationsRoute');
const OrganisationNewRoute = lazyPage(() => import('./routes/organisation-new-route'), 'OrganisationNewRoute');
const OrganisationRoute = lazyPage(() => import('./routes/organisation-route'), 'OrganisationRoute');
const OrganisationMembersRoute = lazyPage(() => import('./routes/organisation-members-route'), 'OrganisationMembersRoute');

const ConsultationsRoute = lazyPage(() => import('./routes/consultations-route'), 'ConsultationsRoute', READER);
const ConsultationRoute = lazyPage(() => import('./routes/consultation-route'), 'ConsultationRoute', READER);
const ThreadRoute = lazyPage(() => import('./routes/thread-route'), 'ThreadRoute', READER);

const RulesRoute = lazyPage(() => import('./routes/rules-route'), 'RulesRoute', READER);
const TransparencyRoute = lazyPage(() => import('./routes/transparency-route'), 'TransparencyRoute');
const NotificationsRoute = lazyPage(() => import('./routes/notifications-route'), 'NotificationsRoute');
const AppealNewRoute = lazyPage(() => import('./routes/appeal-new-route'), 'AppealNewRoute');
const AppealRoute = lazyPage(() => import('./routes/appeal-route'), 'AppealRoute');
const ModerationRoute = lazyPage(() => import('./routes/moderation-route'), 'ModerationRoute');
const ModerationRoundRoute = lazyPage(() => import('./routes/moderation-round-route'), 'ModerationRoundRoute');
const SafeguardingRoute = lazyPage(() => import('./routes/safeguarding-route'), 'SafeguardingRoute');

const AdminLayout = lazyPage(() => import('./layout/admin-layout'), 'AdminLayout');
const AdminUsersRoute = lazyPage(() => import('./routes/admin-users-route'), 'AdminUsersRoute');
const AdminOrganisationsRoute = lazyPage(() => import('./routes/admin-organisations-route'), 'AdminOrganisationsRoute');
const AdminConsultationsRoute = lazyPage(() => import('./routes/admin-consultations-route'), 'AdminConsultationsRoute');
const AdminNewConsultationRoute = lazyPage(() => import('./routes/admin-consultation-form-route'), 'AdminNewConsultationRoute');
const AdminEditConsultationRoute = lazyPage(() => import('./routes/admin-consultation-form-route'), 'AdminEditConsultationRoute');
const AdminAuditRoute = lazyPage(() => import('./routes/admin-audit-route'), 'AdminAuditRoute');
const AdminWordFilterRoute = lazyPage(() => import('./routes/admin-word-filter-route'), 'AdminWordFilterRoute');
const AdminSanctionsRoute = lazyPage(() => import('./routes/admin-sanctions-route'), 'AdminSanctionsRoute');
const AdminRulesRoute = lazyPage(() => import('./routes/admin-rules-route'), 'AdminRulesRoute');
const AdminExportsRoute = lazyPage(() => import('./routes/admin-exports-route'), 'AdminExportsRoute');

const DashboardRoute = lazyPage(() => import('./routes/dashboard-route'), 'DashboardRoute');
const OpenDataRoute = lazyPage(() => import('./routes/open-data-route'), 'OpenDataRoute');

/** The route table. Paths are built with lib/paths.ts; keep the two in step. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomeRoute />} />
        <Route path="principles/:code" element={<PrincipleRoute />} />
        <Route path="recommendations/:code" element={<RecommendationRoute />} />
        <Route path="objectives/:number" element={<ObjectiveRoute />} />
        <Route path="search" element={<SearchRoute />} />

        <Route path="sign-up" element={<SignUpRoute />} />
        <Route path="sign-in" element={<SignInRoute />} />
        <Route path="verify-email" element={<VerifyEmailRoute />} />
        <Route path="resend-verification" element={<ResendVerificationRoute />} />
        <Route path="forgot-password" element={<ForgotPasswordRoute />} />
        <Route path="reset-password" element={<ResetPasswordRoute />} />

        <Route path="account" element={<AccountLayout />}>
          <Route index element={<AccountProfileRoute />} />
          <Route path="privacy" element={<AccountPrivacyRoute />} />
          <Route path="password" element={<AccountPasswordRoute />} />
          <Route path="sessions" element={<AccountSessionsRoute />} />
          <Route path="data" element={<AccountDataRoute />} />
        </Route>
        <Route path="account-deleted" element={<AccountDeletedRoute />} />

        <Route path="organisations" element={<OrganisationsRoute />} />
        <Route
          path="organisations/new"
          element={
            <RequireAuth>
              <OrganisationNewRoute />
            </RequireAuth>
          }
        />
        <Route path="organisations/:id" element={<OrganisationRoute />} />
        <Route
          path="organisations/:id/members"
          element={
            <RequireAuth>
              <OrganisationMembersRoute />
            </RequireAuth>
          }
        />

        <Route path="consultations" element={<ConsultationsRoute />} />
        <Route path="consultations/:id" element={<ConsultationRoute />} />
        <Route path="consultations/:id/recommendations/:code" element={<ThreadRoute />} />

        <Route path="rules" element={<RulesRoute />} />
        <Route path="transparency" element={<TransparencyRoute />} />
        <Route path="dashboard" element={<DashboardRoute />} />
        <Route path="open-data" element={<OpenDataRoute />} />
        <Route
          path="notifications"
          element={
            <RequireAuth>
              <NotificationsRoute />
            </RequireAuth>
          }
        />
        <Route
          path="appeals/new"
          element={
            <RequireAuth>
              <AppealNewRoute />
            </RequireAuth>
          }
        />
        <Route
          path="appeals/:id"
          element={
            <RequireAuth>
              <AppealRoute />
            </RequireAuth>
          }
        />

        <Route
          path="moderation"
          element={
            <RequireModerator roles={['moderator', 'admin', 'safeguarding']}>
              <ModerationRoute />
            </RequireModerator>
          }
        />
        <Route
          path="moderation/safeguarding"
          element={
            <RequireModerator roles={['safeguarding']} via="safeguards">
              <SafeguardingRoute />
            </RequireModerator>
          }
        />
        <Route
          path="moderation/:consultationId"
          element={
            <RequireModerator>
              <ModerationRoundRoute />
            </RequireModerator>
          }
        />

        <Route path="admin" element={<AdminLayout />}>
          <Route path="users" element={<AdminUsersRoute />} />
          <Route path="organisations" element={<AdminOrganisationsRoute />} />
          <Route path="consultations" element={<AdminConsultationsRoute />} />
          <Route path="consultations/new" element={<AdminNewConsultationRoute />} />
          <Route path="consultations/:id/edit" element={<AdminEditConsultationRoute />} />
          <Route path="audit" element={<AdminAuditRoute />} />
          <Route path="word-filter" element={<AdminWordFilterRoute />} />
          <Route path="sanctions" element={<AdminSanctionsRoute />} />
          <Route path="rules" element={<AdminRulesRoute />} />
          <Route path="exports" element={<AdminExportsRoute />} />
        </Route>

        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
