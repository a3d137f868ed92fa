// A subpath of its own (@relais/host/portal): the services' bundles never pull in the portal's files.
export {
  mountPortal,
  portalCsp,
  PORTAL_CONFIG_PATH,
  PORTAL_CSP,
  PORTAL_DIST_DIR,
  SAME_ORIGIN_AUTHORITY,
  type PortalOptions,
} from './static-portal';
export { ensurePortalBuilt, portalBuildIsStale } from './portal-build';
