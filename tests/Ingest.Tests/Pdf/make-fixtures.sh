#!/usr/bin/env bash
# Rebuilds the committed PDF fixtures in tests/Ingest.Tests/Pdf/Fixtures from the Word documents the tests build
# (PdfSources.cs), printed by LibreOffice Writer, plus an encrypted copy made with qpdf. CI never runs this: the PDFs
# are committed. Needs: apt-get install -y libreoffice-writer-nogui qpdf fonts-liberation
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# 1. The Word sources: the test that checks them writes them when CCHC_PDF_SOURCES is set.
CCHC_PDF_SOURCES="$work" dotnet test "$root/tests/Ingest.Tests" -c Release --filter "FullyQualifiedName~PdfSourcesTests" >/dev/null

# 2. Print each with LibreOffice Writer (its own profile, so a desktop LibreOffice is not disturbed).
soffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf --outdir "$work" "$work"/*.docx >/dev/null

mkdir -p "$here/Fixtures"
for docx in "$work"/*.docx; do
  name="$(basename "$docx" .docx)"
  cp "$work/$name.pdf" "$here/Fixtures/$name.pdf"
done

# 3. The printed report locked with a password to open (user "bao-mat", owner "so-noi-vu"), which must be refused,
#    and with an owner password only (it opens without one, as signed PDFs from a portal often do), which is read.
qpdf --encrypt bao-mat so-noi-vu 256 -- "$here/Fixtures/hoang-hoa-2017-bc293.pdf" "$here/Fixtures/hoang-hoa-2017-bc293-password.pdf"
qpdf --encrypt "" so-noi-vu 256 --modify=none --extract=n -- "$here/Fixtures/hoang-hoa-2017-bc293.pdf" "$here/Fixtures/hoang-hoa-2017-bc293-owner-locked.pdf"

# 4. The bad-input corpus's PDFs: a scan (pictures only), the same scan locked with a password, the printed report cut
#    at a third of its bytes (an interrupted download), and a Word document renamed to .pdf.
corpus="$root/tests/Ingest.Tests/BadInput"
cp "$work/pdf-scanned.pdf.bin" "$corpus/pdf-scanned.pdf"
qpdf --encrypt bao-mat so-noi-vu 256 -- "$corpus/pdf-scanned.pdf" "$corpus/pdf-password.pdf"
size=$(stat -c %s "$here/Fixtures/hoang-hoa-2017-bc293.pdf")
head -c $((size / 3)) "$here/Fixtures/hoang-hoa-2017-bc293.pdf" > "$corpus/pdf-truncated.pdf"
cp "$work/hoang-hoa-2017-bc293-narrow-columns.docx" "$corpus/pdf-van-ban-word-doi-duoi.pdf"
ls -l "$here/Fixtures" "$corpus"/pdf-*
