// Runs the CLI from source without compiling: `npx tsx scripts/dev.ts <command> …` (for development).
import { main } from '../src/cli/main.js';

process.exitCode = await main({ argv: process.argv.slice(2), stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
