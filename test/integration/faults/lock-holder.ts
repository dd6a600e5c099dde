// Another program holding the data file's write lock (a backup tool, a curious rep with sqlite3) until killed.
import Database from 'better-sqlite3'

const db = new Database(process.argv[2]!)
db.exec('BEGIN IMMEDIATE')
db.prepare("UPDATE settings SET value = value WHERE key = 'retentionDays'").run()
process.stdout.write('holding\n')
setInterval(() => {}, 1000)
