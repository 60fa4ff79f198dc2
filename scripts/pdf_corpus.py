"""Write a scored corpus's minutes as PDFs beside copies of their gold files, to score the
PDF reader: `score.py --corpus OUT` should give what it gives on the text.

    .venv/bin/python scripts/pdf_corpus.py ../shared/corpus/dev /tmp/dev-pdf [--columns 2] [--font Helvetica]

The PDFs are set by tests/pdfs.py (reportlab): filled lines, hyphenated words, a running
header and page numbers, one or two columns. LibreOffice's own rendering is another check:
`soffice --headless --convert-to pdf --outdir OUT DIR/*.txt`.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from pdfs import text_to_pdf  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--columns", type=int, default=1)
    parser.add_argument("--font", default="Vera", choices=["Vera", "Helvetica"])
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for gold in sorted(args.corpus.glob("*.gold.json")):
        name = gold.name.removesuffix(".gold.json")
        source = next(
            (p for p in (args.corpus / f"{name}.txt", args.corpus / f"{name}.md") if p.exists()), None
        )
        if source is None:
            continue
        header = f"{name} – protokoll"
        text_to_pdf(
            source.read_text(encoding="utf-8"),
            args.out / f"{name}.pdf",
            columns=args.columns,
            header=header,
            font=args.font,
        )
        shutil.copy(gold, args.out / gold.name)
        count += 1
    print(f"{count} PDFs in {args.out}")


if __name__ == "__main__":
    main()
