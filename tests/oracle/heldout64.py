"""The 64-th held-out set of real programs, measured before any rule is
written from it (see `heldout.py` to `heldout63.py`): six more programs'
own logging set-ups in three streams, chosen for what platform and SRE
teams run in AWS in office automation and document services (an office's
print-and-scan host, where h2g2bob's ipp-server is the virtual IPP printer
the office's laptops print to, saving every job as a PDF into the inbox
that cmccambridge's ocrmypdf-auto watches and OCRs; a document-conversion
GPU host on EC2, where AllenAI's olmOCR pipeline turns a scanned archive
into Markdown through its vLLM server beside Datalab's marker converting
the contracts folder; an office tools host, where a pyHanko signing job
signs the invoices and contracts with PAdES signatures beside pklaus'
brother_ql_web printing asset labels on the IT room's Brother QL-700),
each format copied from the file named beside it (the version read is
given), with the formatter class the program uses, and messages modelled
on the program's source under its loggers' names.

    .venv/bin/python tests/oracle/sweep.py heldout64

A by-hand measurement, like `heldout.py`: once a rule is written from one
of its failures, that program is no longer held out.
Its first measurement, at 0681c6c (session 28's first rules in, none
written from this set), with nothing configured: 99.8% exact, 99.8% key
fields (asctime 100.0%, levelname 100.0%, name 100.0%, message 99.8%).
brother_ql_web, chosen here, was chosen for `heldout63.py` at the same
time (the same format), so the two sets' readings share it.

Formatters and filters: all six use logging.Formatter itself (ipp-server,
ocrmypdf-auto and brother_ql_web through logging.basicConfig, olmOCR,
marker and pyHanko on a StreamHandler of their own). ipp-server runs with
-v and brother_ql_web with --loglevel DEBUG, so both print basicConfig's
"%(levelname)s:%(name)s:%(message)s" at DEBUG; ipp-server logs through the
root logger ("root"), its HTTP handler's log_message at DEBUG (the request
line and code, '"POST /printer HTTP/1.1" 100 -') and log_error at ERROR,
and its IPP debug line prints the operation's IntEnum repr
("<OperationEnum.print_job: 2>"); brother_ql_web runs as a script
("__main__"), and with --loglevel DEBUG (an int, not the string 'DEBUG')
its DEBUG flag stays off, so the labels print. ocrmypdf-auto runs with
OCR_VERBOSITY=info, below WARNING, so its format prints the thread's name
in brackets (no name, no level): "MainThread" and the ThreadPoolExecutor's
three workers, pinned through a filter setting `threadName` (a standard
attribute), with "%Y-%m-%d %H:%M:%S"; it logs a failed task's
traceback.format_exc() as an ERROR message (no exc_info), and a failed
OCRmyPDF run's stdout and stderr inside brackets in one message. olmOCR's
pipeline runs as "python -m olmocr.pipeline", so its logger is "__main__";
the "vllm" logger shares its console handler and relays every line the
vLLM server prints as an INFO message (vLLM's own "INFO 05-11 14:44:50
[file.py:123] ..." text after olmOCR's), and its metrics records begin with
a line break. marker logs everything under "marker" (its get_logger) with
LOGLEVEL=DEBUG and --debug_print, from its spawned worker processes (their
pids pinned), and prints a bare traceback after each "Error converting"
record (traceback.print_exc()). pyHanko's CLI runs with --verbose: its
root handler gets logging.Formatter (not NoStackTraceFormatter, which the
CLI uses without --verbose and which drops tracebacks), the root at DEBUG,
so asyncio's and urllib3's DEBUG records print too; its CLI's logger is
named "cli". 442 records in three streams (193, 116 and 133; 47 of them
print lines or bare tracebacks).

Print lines: ipp-server's socketserver error block (the dashes,
"Exception occurred during processing of request from ...", the bare
traceback), ocrmypdf-auto's entrypoint echo, marker's tqdm
progress bar, its closing throughput print(), the wrapper script's
lines around each pyHanko run and click's "Error: ..." line, Bottle's
startup banner and wsgiref's access lines for brother_ql_web, and
Docker's.

The messages are modelled on the programs' source: ipp-server's
server.py and behaviour.py, ocrmypdf-auto's src/ocrmypdf-auto.py, olmOCR's
olmocr/pipeline.py, marker's scripts/convert.py, processors/table.py,
renderers/markdown.py and services/openai.py, pyHanko's cli/_root.py,
cli/runtime.py, sign/signers/pdf_signer.py and pdf_cms.py and
pyhanko_certvalidator's requests_fetchers, brother_ql_web.py and
brother_ql's raster.py and backends/generic.py were read at the commits
cited. The values (paths, hosts, uuids, hashes, counts, timings), vLLM's
own lines, OCRmyPDF's stderr, the exception texts of third-party
libraries, urllib3's and asyncio's lines, and the print lines are
modelled.

Left out: mailmerge (awdeorio/mailmerge ec6b39eb: no logging, click.echo
only), and, in earlier sets or their Left out lists, OCRmyPDF itself,
unoserver, unoconv, Paperless, Papermerge, Mayan EDMS, docassemble,
docling-serve, Unstructured's API, tika-python, OCR-D, PaddleOCR, Calibre,
Seafile and the CUPS helpers named in `heldout30.py`. Not read in the time
given (none guessed): surya, markitdown, PDFMathTranslate, endesive,
Stirling-PDF and Gotenberg (the last two not Python).
"""

import logging
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realworld  # noqa: E402
from realworld import Program, printed, raised, uncaught  # noqa: E402
from heldout4 import pid  # noqa: E402
from heldout11 import now  # noqa: E402
from heldout12 import lg  # noqa: E402

# ipp-server (h2g2bob/ipp-server, 3e4a6d8), ippserver/__main__.py main's
# logging.basicConfig(level=logging.DEBUG if parsed_args.verbose else
# logging.INFO): no format, so logging.BASIC_FORMAT.
IPP = "%(levelname)s:%(name)s:%(message)s"
# ocrmypdf-auto (cmccambridge/ocrmypdf-auto, 98af7470), src/ocrmypdf-auto.py
# __main__'s logging.basicConfig for a level below WARNING (OCR_VERBOSITY).
OCR_AUTO = "%(asctime)s [%(threadName)s] - %(message)s"
OCR_AUTO_DATEFMT = "%Y-%m-%d %H:%M:%S"
# olmOCR (allenai/olmocr, f7cfe4c2), olmocr/pipeline.py console_handler's
# Formatter (the "olmocr.pipeline" logger, "__main__" under -m, and "vllm").
OLMOCR = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# marker (datalab-to/marker, 2f7f1975), marker/logger.py configure_logging's
# Formatter on the "marker" logger's StreamHandler.
MARKER = "%(asctime)s [%(levelname)s] %(name)s: %(message)s"
# pyHanko (MatthiasValvekens/pyHanko, 7db4e6fe), pkgs/pyhanko-cli/src/
# pyhanko/cli/runtime.py LOG_FORMAT_STRING, through logging_setup
# (logging.Formatter with --verbose, on the root logger's StreamHandler).
PYHANKO = "%(asctime)s - %(name)s - %(levelname)s - %(message)s"
# brother_ql_web (pklaus/brother_ql_web, 9e20b6dc), brother_ql_web.py
# main's logging.basicConfig(level=LOGLEVEL): logging.BASIC_FORMAT; the
# brother_ql library's loggers read at pklaus/brother_ql 56cf439.
BROTHER_QL_WEB = "%(levelname)s:%(name)s:%(message)s"


class Thread(logging.Filter):
    """The thread a record is logged from, pinned: a standard attribute."""

    def __init__(self, name):
        super().__init__()
        self.thread = name

    def filter(self, record):
        record.threadName = self.thread
        return True


def threaded(log, name):
    log.addFilter(Thread(name))
    return log


# --------------------------------------------------------------------------
# An office's print-and-scan host (EC2 in the office's VPC, Docker's
# awslogs driver, one stream): ipp-server is the printer the laptops print
# to ("ipp-server -v -H 0.0.0.0 -p 631 save --pdf /scans/inbox"), and
# ocrmypdf-auto OCRs every job saved there into the searchable archive.

CLIENTS = ["10.20.1.57", "10.20.1.63", "10.20.2.14", "10.20.2.88"]
JOBS = ["%08x-0f7c-11ef-9a3e-0242ac120003" % (0x3a7c19e0 + 0x1b5 * i) for i in range(9)]


def stream_ipp_ocrmypdf_auto():
    stream = []
    ipp = Program("ipp-server", "root", logging.Formatter(IPP), stream)
    oa = Program("ocrmypdf-auto", "ocrmypdf-auto", logging.Formatter(OCR_AUTO, OCR_AUTO_DATEFMT), stream)
    root = lg(ipp, "root")
    main = threaded(lg(oa, "ocrmypdf-auto"), "MainThread")
    sched = threaded(lg(oa, "ocrmypdf-auto.scheduler"), "MainThread")
    tasks = [threaded(lg(oa, "ocrmypdf-auto.task"), "ThreadPoolExecutor-0_%d" % i) for i in range(3)]

    printed(stream, "Attaching to ipp-server-1, ocrmypdf-auto-1")
    root.info("Listening on %r", ("0.0.0.0", 631))
    printed(stream, "Mapping UID and GID for docker:docker to 1000:1000")
    sched.warning("Watching %s", "/input")

    def ipp_op(op, value, method):
        root.debug('IPP %r -> %s.%s', Op(op, value), "SaveFilePrinter", method)
        root.debug('"%s" %s %s', "POST /printer HTTP/1.1", "200", "-")

    for n, job in enumerate(JOBS):
        client = CLIENTS[n % len(CLIENTS)]
        ipp_op("get_printer_attributes", 11, "operation_printer_list_response")
        ipp_op("validate_job", 4, "operation_validate_job_response")
        for size in (0x2000, 0x2000, 0x1000 + 0x155 * n):
            root.debug("chunksz=%r", b"%x\r\n" % size)
            root.debug("chunk=0x%x", size)
        root.debug("chunksz=%r", b"0\r\n")
        root.debug('"%s" %s %s', "POST /printer HTTP/1.1", "100", "-")
        root.debug('IPP %r -> %s.%s', Op("print_job", 2), "SaveFilePrinter", "operation_print_job_response")
        path = "/scans/inbox/ipp-server-print-job-%s.pdf" % job
        if n == 6:
            # The volume filled up: socketserver prints the handler's error.
            def process_request():
                def finish_request():
                    def handle_postscript():
                        raise OSError(28, "No space left on device")
                    handle_postscript()
                finish_request()
            root.info("Saving print job as %r", path)
            printed(stream, "-" * 40)
            printed(stream, "Exception occurred during processing of request from ('%s', %d)" % (client, 50234 + n))
            uncaught(stream, process_request)
            printed(stream, "-" * 40)
            continue
        root.info("Saving print job as %r", path)
        root.debug('"%s" %s %s', "POST /printer HTTP/1.1", "200", "-")
        ipp_op("get_job_attributes", 9, "operation_get_job_attributes_response")
        if n == 3:
            root.error("code %d, message %s", 400, "Bad request version ('\\x9a\\x8b\\x01\\x00')")
            root.debug('"%s" %s %s', "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xfc\\x03\\x03", "400", "-")

        # ocrmypdf-auto picks the file up on a worker thread.
        t = tasks[n % 3]
        inp, out = "/input/ipp-server-print-job-%s.pdf" % job, "/output/ipp-server-print-job-%s.pdf" % job
        t.warning("Processing: %s -> %s", inp, out)
        t.info("Running OCRmyPDF: %s with config file: %s", inp, "/config/ocr.config")
        if n == 2:
            stderr = ("   1 page already has text! - aborting (use --force-ocr to force OCR;  see also help for the "
                      "arguments --skip-text and --redo-ocr\nPriorOcrFoundError: page already has text! - aborting "
                      "(use --force-ocr to force OCR;  see also help for the arguments --skip-text and --redo-ocr\n")
            t.info("OCRmyPDF failed with rc %d stdout [%s] and stderr [%s]", 6, "", stderr)
            t.warning("Processing complete in %f seconds with status %d: %s", 2.41, 6, inp)
            continue
        if n == 7:
            def process():
                def run():
                    raised("plumbum.commands.processes", "ProcessTimedOut",
                           "('Process did not terminate within 600 seconds', ['/usr/local/bin/ocrmypdf'])")
                run()
            try:
                process()
            except Exception:
                t.error("Error in OcrTask.process: %s", traceback.format_exc())
            continue
        t.warning("Processing complete in %f seconds with status %d: %s", round(11.5 + 3.37 * n, 2), 0, inp)
        if n == 4:
            # The laptop re-sent the job while it was OCR'd: it is queued again.
            t.info("Modified during OCR execution: [%s] %s", "ACTIVE", inp)
            t.warning("Processing: %s -> %s", inp, out)
            t.info("Running OCRmyPDF: %s with config file: %s", inp, "/config/ocr.config")
            t.warning("Processing complete in %f seconds with status %d: %s", 9.86, 0, inp)
        if n == 5:
            t.warning("Not %s input file. Input file %s modification time after OCR task [%s] is not equal to before "
                      "task [%s]", "archiving", inp, "2024-05-11 14:46:02.118731", "2024-05-11 14:45:51.902214")
    root.info("Ready to shut down")
    main.warning("Signal %d (%s) Received. Shutting down...", 15, "SIGTERM")
    printed(stream, "ocrmypdf-auto-1 exited with code 0")
    return {"name": "ipp-ocrmypdf-auto", "programs": [ipp, oa], "records": stream, "auto": False}


class Op:
    """An OperationEnum member's repr (an IntEnum)."""

    def __init__(self, name, value):
        self.text = "<OperationEnum.%s: %d>" % (name, value)

    def __repr__(self):
        return self.text


# --------------------------------------------------------------------------
# A document-conversion host on EC2 (a g5.2xlarge, one log group's stream
# for the instance): olmOCR's pipeline converts a scanned archive from S3
# through its own vLLM server, and marker converts the legal team's
# contracts folder with its worker processes.

HASHES = ["4f1c9a0e7d", "a83b5e21c4", "0d9e7f3b12", "c61a4d88e0", "7e2b90f5a3", "19fd3c6b77"]
CONTRACTS = ["msa-acme-2024.pdf", "dpa-globex-v3.pdf", "nda-initech.pdf", "sow-17-hooli.pdf", "lease-amendment-2.pdf",
             "vendor-terms-umbrella.pdf", "po-88412.pdf", "renewal-soylent.pdf"]


def stream_olmocr_marker():
    stream = []
    ol = Program("olmocr", "__main__", logging.Formatter(OLMOCR), stream)
    mk = Program("marker", "marker", logging.Formatter(MARKER), stream)
    o = lg(ol, "__main__")
    v = lg(ol, "vllm")
    m = lg(mk, "marker")

    def vllm(text):
        v.info("INFO %s %s" % (now("%m-%d %H:%M:%S"), text))

    printed(stream, "+ python -m olmocr.pipeline /workspace/archive --markdown --pdfs "
            "s3://example-records/scans/2019/*.pdf")
    o.info("If you run out of GPU memory during start-up or get 'KV cache is larger than available memory' errors, "
           "retry with lower values, e.g. --gpu_memory_utilization 0.80  --max_model_len 16384")
    o.info("Got --pdfs argument, going to add to the work queue")
    o.info("Expanding s3 glob at s3://example-records/scans/2019/*.pdf")
    o.info("Found 1,284 regular pdf paths and 0 tarballs to add")
    o.info("Calculated items_per_group: 166 based on average pages per PDF: 3.01")
    o.info("Starting pipeline with PID 7")
    o.info("Downloading model with hugging face 'allenai/olmOCR-2-7B-1025-FP8'")
    o.info("Using internal server at http://localhost:30024/v1")
    vllm("[api_server.py:1880] vLLM API server version 0.11.0")
    vllm("[model.py:547] Resolved architecture: Qwen2_5_VLForConditionalGeneration")
    for attempt in range(1, 4):
        o.warning(f"Attempt {attempt}: Please wait for vllm server to become ready...")
    vllm("[gpu_model_runner.py:2602] Model loading took 8.6328 GiB and 41.207432 seconds")
    vllm("[api_server.py:1971] Starting vLLM API server 0 on http://0.0.0.0:30024")
    o.info("vllm server is ready.")

    printed(stream, "+ LOGLEVEL=DEBUG marker /data/contracts --output_dir /data/contracts-md --debug_print --use_llm "
            "--llm_service marker.services.openai.OpenAIService --workers 2")
    m.info(f"Converting {len(CONTRACTS)} pdfs in chunk 1/1 with 2 processes and saving to /data/contracts-md")

    peak = 0
    for w, h in enumerate(HASHES):
        o.info(f"Worker {w % 4} processing work item {h}")
        running, waiting = 24 + 7 * (w % 3), 4 * (w % 4)
        vllm("[loggers.py:127] Engine 000: Avg prompt throughput: %.1f tokens/s, Avg generation throughput: %.1f "
             "tokens/s, Running: %d reqs, Waiting: %d reqs, GPU KV cache usage: %.1f%%, Prefix cache hit rate: 0.0%%"
             % (9120.4 + 311 * w, 1480.2 + 57 * w, running, waiting, 38.5 + 4 * w))
        if running > peak:
            peak = running
            o.info(f"New peak running requests: {peak}")
        o.info(f"vllm running req: {running} queue req: {waiting}")
        pdf = "s3://example-records/scans/2019/box-%03d/folder-%02d.pdf" % (40 + w, 3 + w)
        if w == 1:
            o.warning(f"Server returned 500 for {pdf}-2 attempt 0: {{\"error\": {{\"message\": \"EngineCore "
                      f"encountered an issue. See stack trace (above) for the root cause.\"}}}}")
        if w == 2:
            o.warning(f"Document {pdf} processed with 1 fallback pages out of 14, proceeding to build Dolma document.")
        if w == 3:
            def process_single_pdf():
                def get_pdf_media_box_width_height():
                    raised("pypdf.errors", "PdfReadError", "EOF marker not found")
                get_pdf_media_box_width_height()
            try:
                process_single_pdf()
            except Exception as e:
                o.exception(f"Exception in process_single_pdf for {pdf}: {e}")
        o.info(f"Created all tasks for {h}")
        o.info(f"Finished TaskGroup for worker on {h}")
        o.info(f"Got {150 + w * 3} docs for {h}")
        o.info(f"Writing {150 + w * 3} markdown files for {h}")
        if w % 2 == 1:
            o.info(f"Queue remaining: {7 - w}")
            o.info("\nWorker Tracker:\nserver_input_tokens: %d\nserver_output_tokens: %d\nfinished_input_tokens: %d"
                   "\nfinished_output_tokens: %d" % (1402211 * w, 233870 * w, 1399004 * w, 231115 * w))

        # marker's workers, one contract each in between.
        for c in CONTRACTS[w::len(HASHES)] + ([CONTRACTS[w + 6]] if w + 6 < len(CONTRACTS) else []):
            with pid(40 + w % 2):
                path = "/data/contracts/" + c
                m.debug(f"Converting {path}")
                if c.startswith("dpa"):
                    m.warning("Rate limit error: Error code: 429 - {'error': {'message': 'Rate limit reached for "
                              "gpt-4o-mini in organization org-xY2 on tokens per min (TPM): Limit 200000, Used 199412, "
                              "Requested 1822.', 'type': 'tokens', 'code': 'rate_limit_exceeded'}}. Retrying in 3 "
                              "seconds... (Attempt 1/3)")
                if c.startswith(("msa", "sow")):
                    m.warning("No text lines found for table /page/%d/Table/%d" % (4 + w, 11 + w))
                    m.info("Overflow in columns: 6 >= 6 or rows: %d >= %d" % (9 + w, 9 + w))
                if c.startswith("lease"):
                    def process_single():
                        def build_document():
                            raised("pdftext.pdf.pages", "PdfiumError", "Failed to load page.")
                        build_document()
                    try:
                        process_single()
                    except Exception as e:
                        m.error(f"Error converting {path}: {e}")
                    # traceback.print_exc(), right after the record.
                    uncaught(stream, process_single)
                    continue
                m.debug(f"Converted {path}")
    printed(stream, "Processing PDFs: 100%|\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588| 8/8 "
            "[04:12<00:00, 31.55s/pdf]")
    printed(stream, "Inferenced 96 pages in 252.41 seconds, for a throughput of 0.38 pages/sec for chunk 1/1")
    o.info("=" * 80)
    o.info("FINAL METRICS SUMMARY")
    o.info("=" * 80)
    o.info("Total elapsed time: 1873.06 seconds")
    o.info("Total Server Input tokens: 8,413,266")
    o.info("Total Server Output tokens: 1,403,220")
    o.info("Completed pages: 3,861")
    o.info("Failed pages: 3")
    o.info("Page Failure rate: 0.08%")
    o.info("")
    o.info("Pages finished by attempt number:")
    o.info("  Attempt 0: 3,842 pages (99.4%) - Cumulative: 3,842 (99.4%)")
    o.info("  Attempt 1: 19 pages (0.5%) - Cumulative: 3,861 (99.9%)")
    o.info("Got cancellation request for VLLM server")
    o.warning("VLLM server task ended")
    return {"name": "olmocr-marker", "programs": [ol, mk], "records": stream, "auto": False}


# --------------------------------------------------------------------------
# An office tools host (EC2, Docker's awslogs driver): a cron'd container
# signs the day's invoices and contracts with pyHanko (one "pyhanko
# --verbose sign addsig ..." run per document, from a wrapper script), and
# brother_ql_web prints the IT room's asset labels on a QL-700 over TCP.

DOCS = ["INV-2024-05-0412.pdf", "INV-2024-05-0413.pdf", "CTR-ACME-MSA-2024.pdf", "INV-2024-05-0414.pdf",
        "INV-2024-05-0415.pdf", "CTR-GLOBEX-DPA.pdf", "INV-2024-05-0416.pdf", "INV-2024-05-0417.pdf"]
SUBJECT = "Common Name: Example Corp Document Signing, Organization: Example Corp, Country: US"
LABELS = ["LT-0417 ThinkPad T14", "MON-2231 Dell U2723QE", "LT-0418 MacBook Pro 14", "DOCK-118 TB4 Dock",
          "LT-0419 ThinkPad X1", "SW-07 Meraki MS120", "PRN-03 HP M479", "LT-0420 MacBook Air"]


def stream_pyhanko_brother_ql_web():
    stream = []
    ph = Program("pyhanko", "pyhanko", logging.Formatter(PYHANKO), stream)
    bq = Program("brother_ql_web", "__main__", logging.Formatter(BROTHER_QL_WEB), stream)
    cli_root = lg(ph, "pyhanko.cli._root")
    cli = lg(ph, "cli")
    aio = lg(ph, "asyncio")
    signer = lg(ph, "pyhanko.sign.signers.pdf_signer")
    cms = lg(ph, "pyhanko.sign.signers.pdf_cms")
    ocsp = lg(ph, "pyhanko_certvalidator.fetchers.requests_fetchers.ocsp_client")
    crl = lg(ph, "pyhanko_certvalidator.fetchers.requests_fetchers.crl_client")
    pool = lg(ph, "urllib3.connectionpool")
    web = lg(bq, "__main__")
    raster = lg(bq, "brother_ql.raster")
    backend = lg(bq, "brother_ql.backends.generic")

    web.debug("Selected the following default font: {}".format({"family": "DejaVu Serif", "style": "Book"}))
    printed(stream, "Bottle v0.12.25 server starting up (using WSGIRefServer())...")
    printed(stream, "Listening on http://0.0.0.0:8013/")
    printed(stream, "Hit Ctrl-C to quit.")
    printed(stream, "")

    def label(n, text):
        printed(stream, '10.20.3.%d - - [%s] "GET /labeldesigner HTTP/1.1" 200 %d' % (
            40 + n, now("%d/%b/%Y %H:%M:%S"), 20511))
        for _ in range(2):
            raster.warning("Trying to switch the operating mode on a printer that doesn't support the command.")
        raster.debug("raster_image_size: {0}x{1}".format(720, 271 + 9 * n))
        if n == 4:
            web.warning("Exception happened: %s", OSError(113, "No route to host"))
        else:
            backend.debug("Writing %d bytes.", 65373 + 810 * n)
        printed(stream, '10.20.3.%d - - [%s] "POST /api/print/text?text=%s HTTP/1.1" 200 %d' % (
            40 + n, now("%d/%b/%Y %H:%M:%S"), text.replace(" ", "+"), 73 if n == 4 else 17))

    for n, doc in enumerate(DOCS):
        printed(stream, "+ pyhanko --verbose sign addsig --field Signature1 --use-pades --with-validation-info "
                "--timestamp-url http://timestamp.digicert.com pkcs12 --passfile /run/secrets/p12-pass "
                f"/work/in/{doc} /work/signed/{doc} /run/secrets/signing.p12")
        cli_root.debug("Running with --verbose")
        cli_root.debug("Finished reading configuration from pyhanko.yml.")
        if n == 5:
            # The rotated PKCS#12 was mounted with the old passphrase.
            def load_pkcs12():
                def load_key_and_certificates():
                    raise ValueError("Invalid password or PKCS12 data")
                load_key_and_certificates()
            try:
                load_pkcs12()
            except Exception as e:
                cms.error("Could not load key material from PKCS#12 file", exc_info=e)
            printed(stream, f"sign-documents: pyhanko failed on {doc} (exit 1), left in /work/in")
            label(n, LABELS[n])
            continue
        aio.debug("Using selector: %s", "EpollSelector")
        if doc.startswith("CTR"):
            signer.warning("DocMDP policy 'FILL_FORMS', was requested, but the signature field settings do not allow "
                           "that. Setting 'NO_CHANGES' instead.")
        ocsp.info(f"Fetching OCSP status for {SUBJECT} from url(s) http://ocsp.digicert.com...")
        ocsp.info("Requesting OCSP response from http://ocsp.digicert.com...")
        pool.debug("Starting new HTTP connection (%d): %s:%s", 1, "ocsp.digicert.com", 80)
        pool.debug('%s://%s:%s "%s %s %s" %s %s', "http", "ocsp.digicert.com", 80, "POST", "/", "HTTP/1.1", 200,
                   471)
        if n in (2, 6):
            crl.info("Requesting CRL from http://crl3.digicert.com/DigiCertGlobalG2TLSRSASHA2562020CA1-1.crl...")
            pool.debug("Starting new HTTP connection (%d): %s:%s", 1, "crl3.digicert.com", 80)
            pool.debug('%s://%s:%s "%s %s %s" %s %s', "http", "crl3.digicert.com", 80, "GET",
                       "/DigiCertGlobalG2TLSRSASHA2562020CA1-1.crl", "HTTP/1.1", 200, 13714)
        pool.debug("Starting new HTTP connection (%d): %s:%s", 1, "timestamp.digicert.com", 80)
        if n == 3:
            def sign_pdf():
                def async_request_tsa_response():
                    raised("pyhanko.sign.general", "SigningError",
                           "Error while contacting timestamp service: HTTPConnectionPool(host='timestamp.digicert.com',"
                           " port=80): Read timed out. (read timeout=5)")
                async_request_tsa_response()
            try:
                sign_pdf()
            except Exception as e:
                msg = "Error raised while producing signed file: " + str(e)
                cli.error(msg, exc_info=e)
                printed(stream, "Error: " + msg)
            printed(stream, f"sign-documents: pyhanko failed on {doc} (exit 1), left in /work/in")
            continue
        pool.debug('%s://%s:%s "%s %s %s" %s %s', "http", "timestamp.digicert.com", 80, "POST", "/", "HTTP/1.1",
                   200, 5926 + n)
        printed(stream, f"sign-documents: signed {doc} -> s3://example-finance-signed/2024/05/{doc}")
        if n % 2 == 0 or n == 7:
            label(n, LABELS[n])
    printed(stream, "sign-documents: 6 signed, 2 failed")
    printed(stream, "pyhanko-sign-1 exited with code 1")
    return {"name": "pyhanko-brother_ql_web", "programs": [ph, bq], "records": stream, "auto": False}


def main():
    realworld.run(lambda: [stream_ipp_ocrmypdf_auto(), stream_olmocr_marker(), stream_pyhanko_brother_ql_web()])


if __name__ == "__main__":
    main()
