// What a failed SQLite call says about the data file, in the few words the rep needs: is it waiting for another
// program (locked), for room (disk full), for permission (read-only), or is the file itself damaged.
import type { StoreFault } from '../../shared/api/types.ts'

const FAULT_OF_CODE: [prefix: string, fault: StoreFault][] = [
  ['SQLITE_BUSY', 'locked'],
  ['SQLITE_LOCKED', 'locked'],
  ['SQLITE_FULL', 'disk_full'],
  ['SQLITE_IOERR_WRITE', 'io'],
  ['SQLITE_READONLY', 'read_only'],
  ['SQLITE_CANTOPEN', 'read_only'],
  ['SQLITE_PERM', 'read_only'],
  ['SQLITE_CORRUPT', 'damaged'],
  ['SQLITE_NOTADB', 'damaged'],
  ['SQLITE_IOERR', 'io'],
]
const FAULT_OF_ERRNO: Record<string, StoreFault> = { ENOSPC: 'disk_full', EDQUOT: 'disk_full', EROFS: 'read_only', EACCES: 'read_only', EIO: 'io' }

/** The fault behind an error thrown by the store, or null when the error is not the store's (a bug, a chat error). */
export function storeFaultOf(error: unknown): StoreFault | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  // SQLite reports a full disk met while writing the WAL as an I/O error: its errno says which.
  if (code.startsWith('SQLITE_IOERR') && /\bdisk is full|ENOSPC|No space/i.test(String((error as Error).message))) return 'disk_full'
  for (const [prefix, fault] of FAULT_OF_CODE) if (code.startsWith(prefix)) return fault
  return FAULT_OF_ERRNO[code] ?? null
}
