# LibreOffice's own revision engine as an oracle. Run inside soffice as a Python macro (a URP connection from
# outside makes LibreOffice 7.4 abort on any DOCX with comments, so the script runs in-process):
#   SEC_REDLINE_JOBS=jobs.json soffice -env:UserInstallation=… --headless 'vnd.sun.star.script:soffice-revisions.py$main?language=Python&location=user'
# For each job it opens a DOCX, runs Writer's "Accept All" or "Reject All" (the commands of Edit > Track
# Changes) and writes what the document then holds — each body paragraph with its style and text, each table
# as rows of cell texts, and the comments with their authors — as JSON. tests/helpers/soffice-revisions.ts
# copies it into a fresh profile and runs it. Needs python3-uno and libreoffice-script-provider-python.
#
# jobs.json: [{"in": "/abs/a.docx", "action": "accept" | "reject" | "none", "out": "/abs/a.json", "pdf": "/abs/a.pdf"?}]

import json
import os
import traceback

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def cell_text(cell):
    return cell.getString()


def table_rows(table):
    rows = []
    names = table.getCellNames()
    # Cell names are 'A1', 'B1', … 'A2'; a merged (spanning) cell is one name.
    by_row = {}
    for name in names:
        col = ''.join(c for c in name if c.isalpha())
        row = int(''.join(c for c in name if c.isdigit()))
        by_row.setdefault(row, []).append((len(col), col, name))
    for row in sorted(by_row):
        cells = sorted(by_row[row])
        rows.append([cell_text(table.getCellByName(name)) for _, _, name in cells])
    return rows


def paragraph_text(par):
    # Text portions only: a comment's anchor is a field portion ('Annotation'), not text of the paragraph.
    out = ''
    for portion in par.createEnumeration():
        kind = portion.TextPortionType
        if kind == 'Text':
            out += portion.getString()
    return out


def body(doc):
    units = []
    for el in doc.getText().createEnumeration():
        if el.supportsService('com.sun.star.text.TextTable'):
            units.append({'style': 'table', 'text': '', 'rows': table_rows(el)})
        elif el.supportsService('com.sun.star.text.Paragraph'):
            units.append({'style': el.ParaStyleName, 'text': paragraph_text(el), 'raw': el.getString()})
    return units


def comments(doc):
    out = []
    for field in doc.getTextFields().createEnumeration():
        if field.supportsService('com.sun.star.text.TextField.Annotation'):
            out.append({'author': field.Author, 'content': field.Content})
    return out


def main(*_args):
    jobs_file = os.environ['SEC_REDLINE_JOBS']
    ctx = uno.getComponentContext()
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext('com.sun.star.frame.Desktop', ctx)
    dispatcher = smgr.createInstanceWithContext('com.sun.star.frame.DispatchHelper', ctx)
    try:
        with open(jobs_file, encoding='utf-8') as f:
            jobs = json.load(f)
        for job in jobs:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(job['in']), '_blank', 0, (prop('Hidden', True),))
            before = doc.getRedlines().createEnumeration().hasMoreElements()
            command = {'accept': '.uno:AcceptAllTrackedChanges', 'reject': '.uno:RejectAllTrackedChanges'}.get(job['action'])
            if command:
                dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, '', 0, ())
            left = doc.getRedlines().createEnumeration().hasMoreElements()
            result = {'hadRevisions': before, 'revisionsLeft': left, 'recordChanges': bool(doc.RecordChanges),
                      'units': body(doc), 'comments': comments(doc)}
            with open(job['out'], 'w', encoding='utf-8') as f:
                json.dump(result, f, ensure_ascii=False)
            if job.get('pdf'):
                # As LibreOffice lays it out, comments in the margin.
                doc.storeToURL(uno.systemPathToFileUrl(job['pdf']), (prop('FilterName', 'writer_pdf_Export'),))
            doc.close(True)
    except Exception:
        with open(jobs_file + '.error', 'w', encoding='utf-8') as f:
            f.write(traceback.format_exc())
    finally:
        desktop.terminate()


g_exportedScripts = (main,)
