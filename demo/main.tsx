import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { IntakeDemo } from './IntakeDemo.tsx';
import './demo.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <IntakeDemo />
  </StrictMode>,
);
