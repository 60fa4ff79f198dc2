"""Output: the stable JSON shapes, CSV, plain lines and rich tables; the only package that imports rich.

text.py has the labels and makes others' text safe to show, data.py the JSON shapes and CSV,
tables.py what a terminal shows; their public names are all here. The agenda's renderings
(agenda.py, agenda_docx.py) are modules of their own, imported by the commands that use them.
"""

from actiontrack.render.data import (
    CSV_COLUMNS as CSV_COLUMNS,
)
from actiontrack.render.data import (
    explain_lines as explain_lines,
)
from actiontrack.render.data import (
    extraction_dict as extraction_dict,
)
from actiontrack.render.data import (
    history_dict as history_dict,
)
from actiontrack.render.data import (
    item_dict as item_dict,
)
from actiontrack.render.data import (
    items_csv as items_csv,
)
from actiontrack.render.data import (
    local_time as local_time,
)
from actiontrack.render.data import (
    meeting_dict as meeting_dict,
)
from actiontrack.render.data import (
    person_dict as person_dict,
)
from actiontrack.render.tables import (
    extraction_table as extraction_table,
)
from actiontrack.render.tables import (
    history_words as history_words,
)
from actiontrack.render.tables import (
    item_detail as item_detail,
)
from actiontrack.render.tables import (
    items_lines as items_lines,
)
from actiontrack.render.tables import (
    items_markdown as items_markdown,
)
from actiontrack.render.tables import (
    items_table as items_table,
)
from actiontrack.render.tables import (
    meetings_table as meetings_table,
)
from actiontrack.render.tables import (
    people_table as people_table,
)
from actiontrack.render.text import (
    HISTORY_ACTIONS as HISTORY_ACTIONS,
)
from actiontrack.render.text import (
    HISTORY_FIELDS as HISTORY_FIELDS,
)
from actiontrack.render.text import (
    KIND_LABELS as KIND_LABELS,
)
from actiontrack.render.text import (
    OWNER_KIND_LABELS as OWNER_KIND_LABELS,
)
from actiontrack.render.text import (
    STATUS_LABELS as STATUS_LABELS,
)
from actiontrack.render.text import (
    csv_cell as csv_cell,
)
from actiontrack.render.text import (
    dumps as dumps,
)
from actiontrack.render.text import (
    label as label,
)
from actiontrack.render.text import (
    markdown_text as markdown_text,
)
from actiontrack.render.text import (
    visible as visible,
)
