import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from './api/client.ts'
import { App } from './App.tsx'
import './styles.css'
import './extras.css'
import './narrow-window.css'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App choice={createClient()} />
  </StrictMode>,
)
