// What other modules may use of settings (decision 032: a module imports another only through its index.ts).
export { getSettings, saveSettings } from './queries';
export { registerSettingsRoutes } from './routes';
