#!/usr/bin/env bash
# The README's pictures of the agenda: a sample database from data/, the Swedish HTML and
# Word agendas of one group and its minutes template (track mall), rendered to PNG under
# docs/ by headless Chromium (HTML) and LibreOffice + pdftoppm (Word). A tool that is not installed is skipped with
# a note, and the picture it makes is left as it is. Re-run after changing the agenda:
#
#   scripts/agenda_pictures.sh            # Debian: apt-get install chromium libreoffice-writer-nogui poppler-utils
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DOCS="$ROOT/docs"
TRACK="${TRACK:-$ROOT/.venv/bin/track}"
[ -x "$TRACK" ] || TRACK="$(command -v track)"
GROUP="Ledningsgrupp för utveckling"
NOW="2017-12-08T09:00:00+01:00"  # the day after the group's December minutes, as in the README
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$DOCS"

run() { TRACK_CONFIG="$WORK/config.toml" "$TRACK" --db "$WORK/exempel.db" --now "$NOW" "$@"; }
run import "$ROOT"/data/*.txt --yes >/dev/null 2>"$WORK/import.log" || { cat "$WORK/import.log" >&2; exit 1; }
run agenda "$GROUP" --lang sv --format html --output "$WORK/dagordning.html"
run agenda "$GROUP" --lang sv --format docx --output "$WORK/kallelse.docx"
run --lang sv mall "$GROUP" --output "$WORK/protokoll.docx"
run people alias "Leif Redestig" leif.redestig@helsingborg.se >/dev/null
# one of his items overdue, for the picture (after the agendas above were made)
run add "Leif skickar inbjudan till julfikan" --owner "Leif Redestig" --due 2017-12-01 >/dev/null
run --lang sv digest --format eml --output "$WORK/utskick" >/dev/null
# the draft as a mail program shows it: its head, then its HTML part
"$(dirname "$TRACK")/python" - "$WORK/utskick/Leif-Redestig.eml" "$WORK/utkast.html" <<'PY'
import email, html, sys
from email import policy
message = email.message_from_bytes(open(sys.argv[1], "rb").read(), policy=policy.default)
head = "".join(
    f'<tr><th nowrap width="80" align="left">{name}</th>'
    f"<td>{html.escape(str(message[key] or ''))}</td></tr>"
    for name, key in (("Till", "To"), ("Ämne", "Subject"))
)
body = message.get_body(("html",)).get_content()
page = (
    '<html><body style="font-family:Calibri,Arial,sans-serif;font-size:11pt;margin:24px">'
    f'<table width="600" style="border-bottom:1px solid #999;margin-bottom:12px">{head}</table>'
    + body.split("<body", 1)[1].split(">", 1)[1]
)
open(sys.argv[2], "w", encoding="utf-8").write(page)
PY

chromium_bin="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -n "$chromium_bin" ]; then
    # --no-sandbox: Chromium refuses to run as root (containers) without it; the page is our own
    "$chromium_bin" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
        --window-size=800,1640 --screenshot="$DOCS/agenda-html.png" "file://$WORK/dagordning.html" \
        >/dev/null 2>&1
    echo "docs/agenda-html.png"
else
    echo "note: no chromium; docs/agenda-html.png left as it is" >&2
fi

if command -v soffice >/dev/null && command -v pdftoppm >/dev/null; then
    # a profile of its own, so that a LibreOffice the user has open does not swallow the call
    soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf \
        --outdir "$WORK" "$WORK/kallelse.docx" >/dev/null 2>&1
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$WORK/kallelse.pdf" "$DOCS/agenda-word"
    echo "docs/agenda-word.png"
    soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf \
        --outdir "$WORK" "$WORK/protokoll.docx" >/dev/null 2>&1
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$WORK/protokoll.pdf" "$DOCS/minutes-template"
    echo "docs/minutes-template.png"
    soffice -env:UserInstallation="file://$WORK/profile" --headless --convert-to pdf \
        --outdir "$WORK" "$WORK/utkast.html" >/dev/null 2>&1
    pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$WORK/utkast.pdf" "$WORK/utkast"
    "$(dirname "$TRACK")/python" -c "
import sys
from PIL import Image
page = Image.open(sys.argv[1])
box = page.convert('L').point(lambda v: v < 250 and 255).getbbox()  # what is written, with a margin
page.crop((0, 0, page.width, min(page.height, box[3] + 40))).save(sys.argv[2])
" "$WORK/utkast.png" "$DOCS/digest-email.png" 2>/dev/null || cp "$WORK/utkast.png" "$DOCS/digest-email.png"
    echo "docs/digest-email.png"
else
    echo "note: no soffice or pdftoppm; docs/agenda-word.png left as it is" >&2
fi
