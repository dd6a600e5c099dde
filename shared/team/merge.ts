// How a rep merges what the team's log brings. Pack versions: the higher number wins, whatever order versions
// arrive in (a rep that bootstraps, or reads a page twice, ends with the same pack). Offender entries: each entry has
// its own id, so entries from every rep add up and a lead's removal takes away exactly the entries it names.
export function packWins(localVersion: number | null, incomingVersion: number): boolean {
  return localVersion === null || incomingVersion > localVersion
}
