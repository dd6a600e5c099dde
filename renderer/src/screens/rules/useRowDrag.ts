import { useRef, useState, type DragEvent, type HTMLAttributes, type MouseEvent } from 'react'

export const DRAG_HANDLE_CLASS = 'drag-handle'

/**
 * Drag a table row by its handle onto another row to move it there (HTML5 drag and drop on the rows themselves, no
 * library). A drag that starts anywhere else in the row is refused, so its switches, selects and text work as usual.
 * Returns the props for antd Table's onRow.
 */
export function useRowDrag<T>(keyOf: (row: T) => string, onMove: (from: string, to: string) => void) {
  const [dragging, setDragging] = useState<string | null>(null)
  const [over, setOver] = useState<string | null>(null)
  const pressedOnHandle = useRef(false)
  const reset = () => {
    setDragging(null)
    setOver(null)
  }

  return (row: T): HTMLAttributes<HTMLElement> => {
    const key = keyOf(row)
    return {
      draggable: true,
      onMouseDown: (event: MouseEvent) => {
        pressedOnHandle.current = (event.target as Element).closest(`.${DRAG_HANDLE_CLASS}`) !== null
      },
      onDragStart: (event: DragEvent) => {
        if (!pressedOnHandle.current) return event.preventDefault()
        setDragging(key)
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setData('text/plain', key)
      },
      onDragOver: (event: DragEvent) => {
        if (dragging === null) return
        event.preventDefault()
        event.dataTransfer.dropEffect = 'move'
        if (over !== key) setOver(key)
      },
      onDrop: (event: DragEvent) => {
        event.preventDefault()
        if (dragging !== null && dragging !== key) onMove(dragging, key)
        reset()
      },
      onDragEnd: reset,
      className: over === key && dragging !== key ? 'drop-target' : undefined,
    }
  }
}
