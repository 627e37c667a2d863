// DOCX → PDF through LibreOffice, at the I/O edge (`render --pdf`, `release --out --pdf`). LibreOffice opens
// each document hidden, updates every index (so the table of contents gets its page numbers, as Word does on
// opening thanks to w:updateFields) and every field, and exports the PDF. It runs with a profile of its own in
// a temporary directory: a user's open LibreOffice, or parallel runs, never share it.
//
// The PDF depends on LibreOffice being installed, so its absence is a refusal before anything is written,
// never a silent skip.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../util/errors.js';

/** The soffice executable on PATH, or null. */
export function findSoffice(env: Record<string, string | undefined>): string | null {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of ['soffice', 'libreoffice']) {
      const p = join(dir, name);
      try {
        accessSync(p, constants.X_OK);
        return p;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Refuses, before anything is written, when --pdf cannot be honoured. */
export function requireSoffice(env: Record<string, string | undefined>): string {
  const soffice = findSoffice(env);
  if (soffice === null) {
    throw new UsageError('--pdf needs LibreOffice, and soffice is not on PATH: install it (Debian: apt-get install libreoffice-writer-nogui) or leave out --pdf; nothing written');
  }
  return soffice;
}

const xml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// StarBasic: for every *.docx in the folder, open hidden, update indexes and fields, store as PDF beside it.
const MACRO = `Sub ConvertAll(sDir As String)
  Dim aLoad(0) As New com.sun.star.beans.PropertyValue
  aLoad(0).Name = "Hidden" : aLoad(0).Value = True
  Dim aStore(0) As New com.sun.star.beans.PropertyValue
  aStore(0).Name = "FilterName" : aStore(0).Value = "writer_pdf_Export"
  sName = Dir(sDir & "*.docx")
  Do While sName <> ""
    oDoc = StarDesktop.loadComponentFromURL(ConvertToURL(sDir & sName), "_blank", 0, aLoad())
    oIdx = oDoc.getDocumentIndexes()
    For i = 0 To oIdx.getCount() - 1
      oIdx.getByIndex(i).update()
    Next i
    oDoc.getTextFields().refresh()
    oDoc.storeToURL(ConvertToURL(sDir & Left(sName, Len(sName) - 5) & ".pdf"), aStore())
    oDoc.close(True)
    sName = Dir()
  Loop
End Sub
`;

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>\n<script:module xmlns:script="http://openoffice.org/2000/script" script:name="SecRedline" script:language="StarBasic">${xml(MACRO)}</script:module>\n`;
const LIBRARY = `<?xml version="1.0" encoding="UTF-8"?>\n<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">\n <library:element library:name="SecRedline"/>\n</library:library>\n`;

/**
 * Converts each DOCX (by name, e.g. 'section-G.docx') to PDF; returns the PDFs by the same names with .pdf.
 * Throws a UsageError naming the documents LibreOffice could not convert.
 */
export function convertToPdf(soffice: string, docs: readonly { name: string; data: Uint8Array }[]): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  if (docs.length === 0) return out;
  const root = mkdtempSync(join(tmpdir(), 'sec-redline-pdf-'));
  try {
    const work = join(root, 'docs');
    mkdirSync(work);
    docs.forEach((d, i) => writeFileSync(join(work, `${String(i).padStart(4, '0')}.docx`), d.data));
    const profile = join(root, 'profile');
    const env = { ...process.env, HOME: root };
    const run = (args: string[]): void => {
      spawnSync(soffice, [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--nologo', ...args], { env, stdio: 'ignore', timeout: 600_000 });
    };
    // LibreOffice writes a fresh profile on its first start (replacing any Basic library found there): start it
    // once, then put the macro in the profile's Standard library and run it.
    run(['--terminate_after_init']);
    const basic = join(profile, 'user', 'basic', 'Standard');
    if (!existsSync(basic)) throw new UsageError(`LibreOffice (${soffice}) did not start: no PDF written, nothing written`);
    writeFileSync(join(basic, 'SecRedline.xba'), MODULE);
    writeFileSync(join(basic, 'script.xlb'), LIBRARY);
    run([`macro:///Standard.SecRedline.ConvertAll("${work}/")`]);
    const failed: string[] = [];
    docs.forEach((d, i) => {
      const pdf = join(work, `${String(i).padStart(4, '0')}.pdf`);
      if (existsSync(pdf)) out.set(d.name.replace(/\.docx$/i, '.pdf'), new Uint8Array(readFileSync(pdf)));
      else failed.push(d.name);
    });
    if (failed.length) throw new UsageError(`LibreOffice (${soffice}) did not convert ${failed.join(', ')} to PDF; nothing written`);
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
