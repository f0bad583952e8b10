// One section of the portal's Arabic strings, cut out of portal.json at build time (vite.config.ts, portalStrings).
declare module 'virtual:portal-strings/*' {
  const section: Record<string, unknown>;
  export default section;
}
