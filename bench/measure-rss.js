// Runs the CLI in this process and writes its peak RSS (kilobytes) to a file on exit: the fallback the
// benchmark uses when /usr/bin/time is not installed.
// Usage: node bench/measure-rss.js RSS_FILE [sec-redline arguments…]
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [rssFile, ...args] = process.argv.slice(2);
process.on('exit', () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
const bin = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'sec-redline.js');
process.argv = [process.argv[0], bin, ...args];
await import(pathToFileURL(bin).href);
