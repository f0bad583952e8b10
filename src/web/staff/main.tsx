import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { stringsReady } from '../lib/i18n';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

// English, when this device last used it, is fetched first: the first download carries only Arabic strings.
void stringsReady.then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
