import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { fieldLang, setFieldLang } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');
setFieldLang(fieldLang());

// The service worker serves this app's shell without a signal; its scope is /field/ only (never the portal).
if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/field/sw.js', { scope: '/field/' }).catch(() => undefined);
}

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
