import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchFor } from './data';
import { fontsFromStartIfCached } from './fonts';
import { loadLang, storedLang } from './i18n';
import { preloadPageFor } from './pages/lazy';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

const start = () => {
  prefetchFor(window.location.pathname);
  preloadPageFor(window.location.pathname);
  fontsFromStartIfCached();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
};

// Arabic is in the bundle; English is fetched first only for someone who chose it before.
if (storedLang() === 'en') loadLang('en').then(start, start);
else start();
