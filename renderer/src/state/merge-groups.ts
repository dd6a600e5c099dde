import type { GroupView } from '../../../shared/api/types.ts'

/** Folds changed groups (an event's or a command's result) into the list, keeping its order; new groups go last. */
export function mergeGroups(current: readonly GroupView[], changed: readonly GroupView[]): GroupView[] {
  const byId = new Map(changed.map((group) => [group.id, group]))
  const merged = current.map((group) => {
    const update = byId.get(group.id)
    byId.delete(group.id)
    return update ?? group
  })
  return [...merged, ...byId.values()]
}
