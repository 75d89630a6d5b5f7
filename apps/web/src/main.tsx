import { createClient } from '@movie-generator/api-contract/client';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { AppProviders, createQueryClient } from './AppProviders.tsx';
import './styles.css';

// Same origin: the server (or Vite's dev proxy) answers /trpc and /videos.
const client = createClient('');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders client={client} queryClient={createQueryClient()}>
      <App />
    </AppProviders>
  </StrictMode>,
);
