import pytest

from actiontrack.errors import DocumentError
from actiontrack.extract.reading import decode_text, read_document

SWEDISH = "Gemensam utvecklingsgrupp 8 februari\n\nÅke ska göra en rapport om brister i samverkan.\n"


@pytest.mark.parametrize(
    "data",
    [
        SWEDISH.encode("utf-8"),
        b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"),
        SWEDISH.encode("cp1252"),
        SWEDISH.encode("latin-1"),
        SWEDISH.replace("\n", "\r\n").encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252", "latin-1", "cp1252-crlf"],
)
def test_encodings_are_detected_never_mojibake(data):
    assert decode_text(data) == SWEDISH


def test_cp1252_punctuation_survives():
    text = "Mötet – ”viktigt” … klart.\n"
    assert decode_text(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"PK\x03\x04\x00\x00binary", "binary"),
        (b"abc\x00def", "binary"),
    ],
)
def test_unreadable_input_is_a_clear_error(data, message):
    with pytest.raises(DocumentError, match=message):
        decode_text(data, "minutes.txt")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        read_document(str(tmp_path / "nope.txt"))
    with pytest.raises(DocumentError, match="directory"):
        read_document(str(tmp_path))


def test_docx_headings_paragraphs_lists_and_tables(tmp_path):
    import docx

    document = docx.Document()
    document.add_heading("Samrådsgruppen 4 mars 2019", level=1)
    document.add_paragraph("Närvarande: Eva Lund, Bo Ek")
    document.add_heading("Lokaler", level=2)
    document.add_paragraph("Bo ska ringa hyresvärden senast fredag.")
    document.add_paragraph("Boka lokal", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "Åtgärd"
    table.rows[0].cells[1].text = "Eva mejlar ut protokollet."
    path = tmp_path / "protokoll.docx"
    document.save(path)

    text = read_document(str(path)).text
    assert "## Samrådsgruppen 4 mars 2019" in text
    assert "### Lokaler" in text
    assert "Bo ska ringa hyresvärden senast fredag." in text
    assert "- Boka lokal" in text
    assert "Åtgärd, Eva mejlar ut protokollet." in text


def test_odt(tmp_path):
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Samrådsgruppen 4 mars 2019"))
    document.text.addElement(P(text="Bo ska ringa hyresvärden."))
    path = tmp_path / "protokoll.odt"
    document.save(str(path))
    text = read_document(str(path)).text
    assert "## Samrådsgruppen 4 mars 2019" in text and "Bo ska ringa hyresvärden." in text


def test_odt_tables_are_read_as_word_tables_are(tmp_path):
    """An action table of OpenDocument minutes gives its items, as the same table in Word does."""
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, P

    document = OpenDocumentText()
    document.text.addElement(H(outlinelevel=1, text="Kommunala pensionärsrådet 29 oktober 2025"))
    table = Table(name="Åtgärder")
    table.addElement(TableColumn(numbercolumnsrepeated=3))
    for cells in (
        ["Åtgärd", "Ansvarig", "Klart till"],
        ["Kontakta bostadsbolaget", "Kjell Andersson", "2025-11-20"],
        ["Ta fram statistik", "Sten Berg", ""],
    ):
        row = TableRow()
        for value in cells:
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    path = tmp_path / "protokoll.odt"
    document.save(str(path))
    text = read_document(str(path)).text
    assert "Åtgärd: Kontakta bostadsbolaget" in text and "Ansvarig: Kjell Andersson" in text
    assert "Klart till: 2025-11-20" in text and "Åtgärd: Ta fram statistik" in text


def test_a_corrupt_docx_is_a_clear_error(tmp_path):
    path = tmp_path / "trasig.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(DocumentError):
        read_document(str(path))


def test_same_bytes_same_hash(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(SWEDISH, encoding="utf-8")
    b.write_text(SWEDISH, encoding="utf-8")
    assert read_document(str(a)).sha256 == read_document(str(b)).sha256


def test_a_table_with_a_header_becomes_labelled_lines():
    from actiontrack.extract.reading import table_lines

    rows = [["Åtgärd", "Ansvarig", "Klart"], ["Skicka ut protokollet", "LR", "15 mars"], ["", "", ""]]
    assert table_lines(rows) == [
        "Åtgärd: Skicka ut protokollet",
        "",
        "Ansvarig: LR",
        "",
        "Klart till: 15 mars",
        "",
    ]
    assert table_lines([["Leif ska boka lokal.", "Klart i mars."]]) == [
        "Leif ska boka lokal., Klart i mars.",
        "",
    ]
