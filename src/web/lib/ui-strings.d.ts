// Parts of the staff app's strings, cut out of ui.json at build time (vite.config.ts, uiStrings).
declare module 'virtual:ui-strings/*' {
  const strings: Record<string, unknown>;
  export default strings;
}
