import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasBridge } from './api/client';
import { App } from './app/App';
// The theme's tokens and the density apply before the first frame (Ant Design loads after it).
import './app/design/density';
import { reportUncaughtErrors } from './diagnostics/report-errors';
import './styles.css';
import { useSession } from './stores/session';

reportUncaughtErrors();
// Who is signed in is asked before React's first render, not an effect after its first paint: the
// answer decides the first frame, and the order list's rows wait for it.
if (hasBridge) useSession.getState().start();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
