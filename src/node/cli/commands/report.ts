// cchc report FILE.xlsx --type quarterly|plan|initiatives [--period Q2] [--as-of …] [--date …]
//   [--out FILE.docx] [--pdf] [--number N]: the document a principal signs (the report contract (README)).
import { generateReport } from '../../../core/app/operations.ts';
import { t } from '../../../core/i18n.ts';
import { validateSchool } from '../../../core/validate.ts';
import { REPORT_TYPES, type ReportType } from '../../../core/report/report.ts';
import { NumberingError } from '../../../core/report/numbering.ts';
import { StagedDocuments } from '../../files/documents.ts';
import { LibreOfficeMissingError, PdfConversionError, findSoffice, toPdf } from '../../pdf.ts';
import { InputError, UsageError } from '../errors.ts';
import type { Command } from '../command.ts';
import { STEP, progressSteps } from '../progress-bar.ts';
import { AS_OF_OPTION, JSON_OPTION, PERIOD_OPTION, asInputError, asOfOption, cannotWrite, changeWorkbook, cliContext, orInputError, outDirOf, periodOption, printJson, warnDataErrors, workbookPath } from '../shared.ts';

export const reportCommand: Command = {
  name: 'report',
  usage: 'report FILE.xlsx --type quarterly|plan|initiatives [--period Q2] [--as-of …] [--date dd/mm/yyyy] [--out FILE.docx] [--pdf]',
  summary: {
    vi: 'viết báo cáo/kế hoạch theo thể thức Nghị định 30/2020 (.docx; --pdf thêm bản PDF qua LibreOffice)',
    en: 'writes the report or plan laid out by Decree 30/2020 (.docx; --pdf adds a PDF through LibreOffice)',
  },
  options: {
    type: { type: 'string', hint: 'quarterly|plan|initiatives', help: { vi: 'loại văn bản', en: 'document type' } },
    period: PERIOD_OPTION,
    'as-of': AS_OF_OPTION,
    date: { type: 'string', hint: 'dd/mm/yyyy', help: { vi: 'ngày ghi trên văn bản (mặc định: hôm nay)', en: 'the date on the document (default: today)' } },
    out: { type: 'string', hint: 'FILE.docx', help: { vi: 'tệp kết quả (mặc định: cạnh bảng tính; không ghi đè tệp đã có, trừ khi --number)', en: 'output file (default: beside the workbook; an existing file is not replaced, except with --number)' } },
    pdf: { type: 'boolean', help: { vi: 'xuất thêm PDF (cần LibreOffice)', en: 'also export a PDF (needs LibreOffice)' } },
    number: { type: 'string', hint: 'N', help: { vi: 'tạo lại với số văn bản đã cấp (không lấy số mới)', en: 'regenerate with a number already given (takes no new number)' } },
    json: JSON_OPTION,
  },
  async run(args, io) {
    const file = workbookPath(args);
    const typeValue = String(args.values.type ?? '');
    if (!(REPORT_TYPES as readonly string[]).includes(typeValue)) throw new UsageError(t(args.lang, 'cli.badReportType'));
    const type = typeValue as ReportType;
    let number: number | undefined;
    if (args.values.number !== undefined) {
      number = Number(args.values.number);
      if (!/^\d{1,6}$/.test(String(args.values.number)) || number < 1) throw new UsageError(t(args.lang, 'cli.badNumber'));
    }
    const out = args.values.out as string | undefined;
    if (out !== undefined && !out.toLowerCase().endsWith('.docx')) throw new UsageError(t(args.lang, 'cli.outNotDocx'));
    const request = { lang: args.lang, type, asOf: asOfOption(args), period: periodOption(args), date: asOfOption(args, 'date'), number };

    const steps = progressSteps(io, args.lang, args.values.pdf ? 4 : 3);
    steps.step(STEP.read);
    // The document waits beside its place until the workbook with its number is saved; an
    // existing file is never replaced, except when regenerating that very number (--number).
    const documents = new StagedDocuments(out ? { file: out, replace: number !== undefined } : { dir: outDirOf(file), replace: number !== undefined });
    let result;
    try {
      // Under the workbook's write lock from the read to the save: two reports never get one number.
      result = await changeWorkbook(
        file,
        args,
        io,
        'report',
        async (book) => {
          steps.step(STEP.document);
          const ctx = { ...cliContext(book, file, args, io), documents };
          try {
            const r = await orInputError(() => generateReport(ctx, request), file, args.lang);
            steps.step(STEP.save);
            return r;
          } catch (e) {
            if (e instanceof NumberingError) throw new InputError(e.message);
            // The document could not be written (a folder on the way is a file, no permission…): the
            // workbook is not saved, so no number is used up.
            throw cannotWrite(e, out ?? outDirOf(file), args.lang) ?? e;
          }
        },
        { afterSave: () => documents.commit() },
      );
    } catch (e) {
      steps.done();
      throw asInputError(e, args.lang);
    } finally {
      await documents.discard();
    }
    const docxPath = result.document.id;
    if (args.values.pdf) steps.step(STEP.pdf);
    let pdfPath: string | null = null;
    let pdfFailed = false;
    if (args.values.pdf) {
      try {
        // LibreOffice is looked up in the command's env (CCHC_SOFFICE, PATH), like the clock.
        pdfPath = await toPdf(docxPath, { lang: args.lang, soffice: findSoffice(io.env) });
      } catch (e) {
        if (!(e instanceof LibreOfficeMissingError || e instanceof PdfConversionError)) throw e;
        io.stderr(`cchc report: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
        pdfFailed = true;
      }
    }
    steps.done();
    warnDataErrors(io, 'report', validateSchool(result.school.data).counts.error, file, args.lang);
    if (args.values.json) {
      io.stdout(printJson({ type, number: result.number, file: docxPath, pdf: pdfPath, templateVersion: result.progress.templateVersion, asOf: result.progress.asOf, period: result.progress.period }));
    } else {
      io.stdout(`${t(args.lang, 'cli.reportWritten', { number: result.number, file: docxPath })}\n${pdfPath ? `PDF: ${pdfPath}\n` : ''}`);
    }
    // The .docx is written (and said so on stdout); only the PDF asked for is missing: exit 2 tells
    // a script that --pdf could not be done, and stderr says why.
    return pdfFailed ? 2 : 0;
  },
};
