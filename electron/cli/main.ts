// Entry point of `npm run -s cli -- <command> ...`. Sets the exit code rather than calling process.exit, so that
// output still queued on a pipe is written before the process ends.
import { runCli } from './commands.ts'

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
