import { Route, Routes } from 'react-router';
import { AppShell } from './layout/app-shell';
import { HomeRoute } from './routes/home-route';
import { NotFoundRoute } from './routes/not-found-route';
import { ObjectiveRoute } from './routes/objective-route';
import { PrincipleRoute } from './routes/principle-route';
import { RecommendationRoute } from './routes/recommendation-route';
import { SearchRoute } from './routes/search-route';

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
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
