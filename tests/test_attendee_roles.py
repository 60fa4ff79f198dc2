"""An attendee's role and organisation after the name are read, in any order, and the name kept."""

import pytest

from actiontrack.extract.person_entry import parse_person_entry


@pytest.mark.parametrize(
    ("line", "organisation", "role"),
    [
        ("Kjell Andersson (ordförande, PRO)", "PRO", "ordförande"),
        ("Gunnel Ahlström (PRO), ordförande", "PRO", "ordförande"),
        ("Kerstin Wik (kommunstyrelsen), vice ordförande", "kommunstyrelsen", "vice ordförande"),
        ("Birgitta Holm (SPF Seniorerna)", "SPF Seniorerna", None),
    ],
)
def test_role_and_organisation_after_the_name(line, organisation, role):
    attendee, absent = parse_person_entry(line)
    assert (attendee.name.split()[0], attendee.organisation, attendee.role, absent) == (
        line.split()[0],
        organisation,
        role,
        False,
    )
