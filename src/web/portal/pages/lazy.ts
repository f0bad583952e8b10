import { lazy } from 'react';

/*
 * Every page but the home page is its own chunk, fetched when it is opened: the first load of /portal carries only
 * the home page (issue 16, first-load budget in docs/benchmarks.md). `preloadPageFor` starts the current page's
 * chunk at start-up, next to its data, so opening /portal/apply directly waits for no extra round trip.
 */
const loaders = {
  apply: () => import('../apply/ApplyPage'),
  track: () => import('./Track'),
  contact: () => import('./Contact'),
  follow: () => import('./Follow'),
  info: () => import('./Info'),
  reach: () => import('./Reach'),
  rights: () => import('./Rights'),
  survey: () => import('./Survey'),
};

export const ApplyPage = lazy(() => loaders.apply().then((m) => ({ default: m.ApplyPage })));
export const TrackPage = lazy(() => loaders.track().then((m) => ({ default: m.TrackPage })));
export const ContactPage = lazy(() => loaders.contact().then((m) => ({ default: m.ContactPage })));
export const FollowPage = lazy(() => loaders.follow().then((m) => ({ default: m.FollowPage })));
export const InfoPage = lazy(() => loaders.info().then((m) => ({ default: m.InfoPage })));
export const ReachPage = lazy(() => loaders.reach().then((m) => ({ default: m.ReachPage })));
export const RightsPage = lazy(() => loaders.rights().then((m) => ({ default: m.RightsPage })));
export const SurveyPage = lazy(() => loaders.survey().then((m) => ({ default: m.SurveyPage })));

const byPath: [RegExp, keyof typeof loaders][] = [
  [/^\/portal\/apply\/?$/, 'apply'],
  [/^\/portal\/track\/?$/, 'track'],
  [/^\/portal\/contact\/?$/, 'contact'],
  [/^\/portal\/follow\/?$/, 'follow'],
  [/^\/portal\/info\/?$/, 'info'],
  [/^\/portal\/contact-us\/?$/, 'reach'],
  [/^\/portal\/rights\/?$/, 'rights'],
  [/^\/portal\/survey\/[^/]+\/?$/, 'survey'],
];

/** Starts fetching the chunk of the page at `pathname` (nothing for the home page, which is in the main bundle). */
export function preloadPageFor(pathname: string): void {
  const found = byPath.find(([pattern]) => pattern.test(pathname));
  if (found) loaders[found[1]]().catch(() => {});
}
