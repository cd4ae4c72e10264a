import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
// The theme's tokens and the density apply before the first frame (Ant Design loads after it).
import './app/design/density';
import { reportUncaughtErrors } from './diagnostics/report-errors';
import './styles.css';

reportUncaughtErrors();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
