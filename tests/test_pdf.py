"""PDF minutes: the text layer in reading order, as the Word reader gives a document.

Every PDF here is made by the test itself (tests/pdfs.py, reportlab's canvas).
"""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from actiontrack.errors import DocumentError
from actiontrack.extract import extract_text
from actiontrack.extract.pdf_layout import _join
from actiontrack.extract.reading import read_document
from tests.conftest import FIXTURES
from tests.pdfs import Minutes, text_to_pdf

HEADER = "Kommunala pensionärsrådet – protokoll 2030-03-03"
LONG = (
    "Rådet diskuterade lokalfrågan under en längre stund och kom fram till att det behövs en större lokal "
    "för höstens sammanträden i kommunhuset, eftersom föreningarnas representanter blir fler varje år."
)


def word_like(path, font="Vera"):
    doc = Minutes(path, header=HEADER, font=font)
    doc.heading("Protokoll Kommunala pensionärsrådet 3 mars 2030", size=16)
    doc.paragraph("Närvarande: Anna Berglund, Jonas Ek, Maria Holm, Kjell Andersson")
    doc.heading("§ 1 Lokaler")
    doc.paragraph(LONG)
    doc.paragraph("Anna ska boka lokal till vårens medlemsmöte senast 20 mars.")
    doc.table(
        [["Åtgärd", "Ansvarig", "Klart till"],
         ["Ringa hyresvärden om nycklarna till lokalen i Stadshuset och be om fler nycklar", "Maria Holm", "2030-03-20"],
         ["Skicka ut kallelsen", "Kjell Andersson", "1 april 2030"]],
        [250, 120, 110],
    )  # fmt: skip
    doc.heading("§ 2 Övrigt")
    for _ in range(30):  # a second page, with the header and page number again
        doc.paragraph("Ordföranden redogjorde för läget i kommunens arbete med äldrefrågor.")
    doc.bullet("Jonas tar fram ett förslag till budget")
    doc.bullet("Maria bokar bussen till utflykten, och ser till att alla får veta vilken tid den går")
    return doc.save()


@pytest.mark.parametrize("font", ["Vera", "Helvetica"])
def test_word_like_minutes_read_as_the_word_reader_reads_them(tmp_path, font):
    text = read_document(str(word_like(tmp_path / "protokoll.pdf", font))).text
    lines = [line for line in text.splitlines() if line]
    assert lines[:4] == [
        "## Protokoll Kommunala pensionärsrådet 3 mars 2030",
        "Närvarande: Anna Berglund, Jonas Ek, Maria Holm, Kjell Andersson",
        "### § 1 Lokaler",
        LONG,  # one paragraph again, its hyphenated words joined
    ]
    assert lines[5:11] == [
        "Åtgärd: Ringa hyresvärden om nycklarna till lokalen i Stadshuset och be om fler nycklar",
        "Ansvarig: Maria Holm",
        "Klart till: 2030-03-20",
        "Åtgärd: Skicka ut kallelsen",
        "Ansvarig: Kjell Andersson",
        "Klart till: 1 april 2030",
    ]
    assert lines[-2:] == [
        "- Jonas tar fram ett förslag till budget",
        "- Maria bokar bussen till utflykten, och ser till att alla får veta vilken tid den går",
    ]
    assert HEADER not in text and "Sida" not in text  # running header and page numbers gone


def test_hyphenated_words_are_joined(tmp_path):
    doc = Minutes(tmp_path / "h.pdf", page_numbers=False)
    doc.paragraph(LONG)
    text = read_document(str(doc.save())).text
    assert "-\n" not in text and text.strip() == LONG


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("höstens sammanträ-", "den i kommunhuset", "höstens sammanträden i kommunhuset"),
        ("kultur-", "och fritidsnämnden", "kultur- och fritidsnämnden"),
        ("via e-", "post till alla", "via e-post till alla"),
        ("ett EU-", "projekt", "ett EU-projekt"),
        ("till 2030-", "03-20", "till 2030-03-20"),
        ("Skicka ut kallelsen", "och protokollet", "Skicka ut kallelsen och protokollet"),
        ("ett sammanträ\u00ad", "de", "ett sammanträde"),
    ],
)
def test_line_ends_joined(left, right, joined):
    assert _join(left, right) == joined


def test_two_columns_are_read_column_by_column(tmp_path):
    doc = Minutes(tmp_path / "spalter.pdf", header=HEADER)
    doc.heading("Nyhetsbrev från rådet")
    doc.set_columns(2)
    left = [
        f"Vänster spalt, stycke {n}: rådet har under året arbetat med trygghet och tillgänglighet i kommunen."
        for n in range(12)
    ]
    right = [
        f"Höger spalt, stycke {n}: Leif ska skicka ut förslaget till alla föreningar senast fredag."
        for n in range(8)
    ]
    for paragraph in left:
        doc.paragraph(paragraph)
    doc.column = 1  # the right column starts at the top of the page
    doc.y = doc.top
    for paragraph in right:
        doc.paragraph(paragraph)
    lines = [line for line in read_document(str(doc.save())).text.splitlines() if line]
    assert lines == ["## Nyhetsbrev från rådet", *left, *right]


def test_a_table_without_rules_is_read_row_by_row(tmp_path):
    doc = Minutes(tmp_path / "t.pdf", page_numbers=False)
    doc.paragraph("Beslut och åtgärder vid mötet.")
    doc.table(
        [["Vad", "Vem", "Senast"], ["Boka lokal för höstens möten i Stadshuset", "Anna Berglund", "20 mars"],
         ["Skicka kallelse", "Jonas Ek", "1 april"]],
        [250, 120, 110], ruled=False,
    )  # fmt: skip
    lines = [line for line in read_document(str(doc.save())).text.splitlines() if line]
    assert lines == [
        "Beslut och åtgärder vid mötet.",
        "Åtgärd: Boka lokal för höstens möten i Stadshuset", "Ansvarig: Anna Berglund", "Klart till: 20 mars",
        "Åtgärd: Skicka kallelse", "Ansvarig: Jonas Ek", "Klart till: 1 april",
    ]  # fmt: skip


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.txt")))
def test_minutes_as_pdf_give_the_items_of_the_text(tmp_path, name):
    """Each fixture set as a PDF (filled lines, hyphenation, header, page numbers) gives the same
    meeting and items as its text."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    pdf = read_document(str(text_to_pdf(text, tmp_path / "m.pdf", header=f"{name} – protokoll"))).text

    def seen(t):
        r = extract_text(t, today=date(2026, 11, 22))
        meeting = (r.meeting.title, r.meeting.date, sorted(a.name for a in r.meeting.attendees))
        return meeting, [
            (i.kind.value, " ".join(i.source.split()), [o.name for o in i.owners], i.due) for i in r.items
        ]

    assert seen(pdf) == seen(text)


def test_track_extract_reads_a_pdf(tmp_path, track):
    path = word_like(tmp_path / "protokoll.pdf")
    result = track("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["items"]
    found = {(i["text"], tuple(i["owners"]), i["due"]) for i in items}
    assert ("Skicka ut kallelsen", ("Kjell Andersson",), "2030-04-01") in found
    assert (
        "Anna ska boka lokal till vårens medlemsmöte senast 20 mars.",
        ("Anna Berglund",),
        "2030-03-20",
    ) in found


def _blank_pdf(path, image=True):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    if image:
        picture = io.BytesIO()
        Image.new("L", (60, 80), 200).save(picture, format="PNG")
        canvas.drawImage(ImageReader(io.BytesIO(picture.getvalue())), 50, 50, 500, 700)
    canvas.showPage()
    canvas.save()
    return path


def test_a_scan_without_text_is_one_sentence(tmp_path):
    with pytest.raises(
        DocumentError, match=r"^\S+ is a PDF without text \(a scanned image\): run text recognition"
    ):
        read_document(str(_blank_pdf(tmp_path / "skannad.pdf")))


def test_guards_of_the_word_reader_apply(tmp_path, monkeypatch):
    from actiontrack.extract import pdf

    path = str(word_like(tmp_path / "p.pdf"))
    monkeypatch.setattr(pdf, "MAX_PAGES", 1)
    with pytest.raises(DocumentError, match="has 2 pages; that is not a set of minutes"):
        read_document(path)
    monkeypatch.setattr(pdf, "MAX_PAGES", 500)
    monkeypatch.setattr(pdf, "MAX_STREAM", 1000)  # a page's content is more when unpacked
    with pytest.raises(DocumentError, match="unpacks to more than 0 MB in one part"):
        read_document(path)
    monkeypatch.setattr(pdf, "MAX_STREAM", 20 * 2**20)
    monkeypatch.setattr(pdf, "MAX_CONTENT", 3000)
    with pytest.raises(DocumentError, match="unpacks to 0 MB in 1 parts"):
        read_document(path)


def test_a_zip_bomb_of_a_pdf_is_refused(tmp_path):
    """One page whose content stream unpacks to 30 MB of spaces from 30 kB."""
    import zlib

    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (x) Tj ET" + b" " * (30 * 2**20), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bytes(out))
    assert len(out) < 100_000
    with pytest.raises(DocumentError, match="unpacks to more than 20 MB in one part"):
        read_document(str(path))


def test_locked_and_broken_pdfs_are_one_sentence(tmp_path):
    from reportlab.pdfgen.canvas import Canvas

    locked = tmp_path / "låst.pdf"
    canvas = Canvas(str(locked), encrypt="hemligt")
    canvas.drawString(72, 720, "Anna ska boka lokal.")
    canvas.save()
    with pytest.raises(DocumentError, match="is a locked \\(encrypted\\) PDF"):
        read_document(str(locked))
    broken = tmp_path / "trasig.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    with pytest.raises(DocumentError, match="is not a readable PDF"):
        read_document(str(broken))


def test_an_owner_password_alone_does_not_stop_reading(tmp_path):
    """Councils often publish PDFs that may be read by anyone but not changed."""
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen.canvas import Canvas

    path = tmp_path / "skyddad.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("", ownerPassword="ägaren", canModify=0))
    canvas.drawString(72, 720, "Anna ska boka lokal till mötet.")
    canvas.save()
    assert read_document(str(path)).text.strip() == "Anna ska boka lokal till mötet."


@pytest.mark.parametrize("font", ["Vera", "Helvetica"])
def test_widths_come_from_the_fonts_metrics(tmp_path, font):
    """The right edge of each run is where reportlab ended it: pypdf's font metrics are read
    (pypdf.generic._font, a module of pypdf's own; an upgrade that moves it fails here)."""
    import pypdf
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from actiontrack.extract.pdf import _page

    doc = Minutes(tmp_path / "w.pdf", page_numbers=False, font=font)
    doc.paragraph("Åsa och Östen ska värma kaffe till mötet på Ängsgården.")
    path = doc.save()
    piece = _page(pypdf.PdfReader(path).pages[0]).pieces[0]
    expected = stringWidth(piece.text, "Vera" if font == "Vera" else "Helvetica", 11)
    assert piece.x1 - piece.x0 == pytest.approx(expected, rel=0.01)


def test_two_sets_of_minutes_in_one_file_keep_their_titles(tmp_path):
    """A title at the top of a page that repeats on the next but for its date is no running
    header; one set apart from the text by a gap and the same on every page is."""
    doc = Minutes(tmp_path / "två.pdf", header="Brukarrådet – protokoll", page_numbers=True)
    for day in ("2011-01-18", "2010-11-17"):
        doc.heading(f"Protokoll från styrelsemöte {day}", size=11)
        doc.paragraph("Plats: Studieförbundet Vuxenskolan")
        for _ in range(34):
            doc.paragraph("Ordföranden hälsade välkomna och förklarade mötet öppnat.")
        doc.pages.append([])  # the next set of minutes on a page of its own
        doc.y = doc.top
    doc.pages.pop()
    text = read_document(str(doc.save())).text
    assert (
        "Protokoll från styrelsemöte 2011-01-18" in text and "Protokoll från styrelsemöte 2010-11-17" in text
    )
    assert "Brukarrådet – protokoll" not in text and "Sida" not in text
