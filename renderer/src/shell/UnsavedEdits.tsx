// Edits not saved yet are never thrown away without asking. A screen with pending edits registers them here; leaving
// it (the sidebar, the editor's back and cancel) asks first: save, discard, or stay. Closing or reloading the page
// with pending edits gets the browser's own warning.
import { Button, Modal, Space } from 'antd'
import { createContext, useCallback, useContext, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useT } from '../i18n/index.tsx'

export interface PendingEdit {
  /** Saves the edits; resolves false when they could not be saved (invalid, refused), so the rep stays. */
  save: () => Promise<boolean>
}

interface UnsavedEditsApi {
  register(id: string, edit: PendingEdit | null): void
  /** Resolves true when the rep may leave: nothing pending, saved, or discarded. */
  confirmLeave(): Promise<boolean>
}

const UnsavedEditsContext = createContext<UnsavedEditsApi | null>(null)

type Choice = 'save' | 'discard' | 'stay'

export function UnsavedEditsProvider({ children }: { children: ReactNode }) {
  const t = useT()
  const pending = useRef(new Map<string, PendingEdit>())
  const [asking, setAsking] = useState<{ answer: (choice: Choice) => void } | null>(null)
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (pending.current.size === 0) return
      event.preventDefault()
      // Older browsers and Electron want a returnValue as well.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [])

  const api = useMemo<UnsavedEditsApi>(
    () => ({
      register(id, edit) {
        if (edit) pending.current.set(id, edit)
        else pending.current.delete(id)
      },
      async confirmLeave() {
        if (pending.current.size === 0) return true
        const choice = await new Promise<Choice>((answer) => setAsking({ answer }))
        if (choice === 'stay') return false
        if (choice === 'discard') {
          pending.current.clear()
          return true
        }
        setSaving(true)
        try {
          for (const [id, edit] of [...pending.current]) {
            if (!(await edit.save())) return false
            pending.current.delete(id)
          }
          return true
        } finally {
          setSaving(false)
        }
      },
    }),
    [],
  )

  const answer = (choice: Choice) => {
    asking?.answer(choice)
    setAsking(null)
  }

  return (
    <UnsavedEditsContext.Provider value={api}>
      {children}
      <Modal
        open={asking !== null}
        title={t('unsaved.title')}
        onCancel={() => answer('stay')}
        closable
        footer={
          <Space wrap>
            <Button onClick={() => answer('stay')} data-testid="unsaved-stay" autoFocus>
              {t('unsaved.stay')}
            </Button>
            <Button danger onClick={() => answer('discard')} data-testid="unsaved-discard">
              {t('unsaved.discard')}
            </Button>
            <Button type="primary" loading={saving} onClick={() => answer('save')} data-testid="unsaved-save">
              {t('unsaved.save')}
            </Button>
          </Space>
        }
      >
        <div data-testid="unsaved-dialog">{t('unsaved.explain')}</div>
      </Modal>
    </UnsavedEditsContext.Provider>
  )
}

function useUnsavedEditsApi(): UnsavedEditsApi {
  const api = useContext(UnsavedEditsContext)
  if (!api) throw new Error('unsaved edits used outside <UnsavedEditsProvider>')
  return api
}

/** Registers this component's edits while `dirty`; `save` is read when the rep chooses to save. */
export function usePendingEdit(dirty: boolean, save: () => Promise<boolean>): void {
  const api = useUnsavedEditsApi()
  const id = useId()
  const latest = useRef(save)
  latest.current = save
  useEffect(() => {
    api.register(id, dirty ? { save: () => latest.current() } : null)
    return () => api.register(id, null)
  }, [api, id, dirty])
}

/** Asks before leaving when edits are pending; resolves true when the rep may go. */
export function useConfirmLeave(): () => Promise<boolean> {
  const api = useUnsavedEditsApi()
  return useCallback(() => api.confirmLeave(), [api])
}
