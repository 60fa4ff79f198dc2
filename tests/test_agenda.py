"""agenda.py: the date of the next meeting and the four sections, as pure rules."""

from datetime import date

from actiontrack.agenda import build_agenda, next_meeting
from actiontrack.models import Item, Kind, Meeting, MeetingRef, Owner, ScheduledMeeting, Status

JAN = Meeting(1, "Rådet", date(2019, 1, 14), "Rådet", place="Stadshuset")
FEB = Meeting(2, "Rådet", date(2019, 2, 11), "Rådet", place="Bryggan")
TODAY = date(2019, 2, 20)


def item(
    id_, text, *, kind=Kind.ACTION, due=None, status=Status.OPEN, owners=(), meeting=FEB, closed_at=None
):
    return Item(
        id_, kind, text, status, tuple(Owner(o) for o in owners), due, meeting.ref, closed_at=closed_at
    )


def test_date_from_option_schedule_minutes_rhythm_or_unknown():
    schedule = [ScheduledMeeting(date(2019, 1, 14), "A"), ScheduledMeeting(date(2019, 3, 11), "Rum 4")]
    assert next_meeting([JAN, FEB], schedule, given=date(2019, 3, 1), today=TODAY).source == "option"
    planned = next_meeting([JAN, FEB], schedule, given=None, today=TODAY)
    assert (planned.date, planned.source, planned.place) == (date(2019, 3, 11), "schedule", "Rum 4")
    feb = Meeting(2, "Rådet", date(2019, 2, 11), "Rådet", next_meeting=date(2019, 3, 18))
    assert next_meeting([JAN, feb], [], given=None, today=TODAY).source == "minutes"
    dec = Meeting(3, "Rådet", date(2018, 12, 17), "Rådet")
    rhythm = next_meeting([dec, JAN, FEB], [], given=None, today=TODAY)
    assert (rhythm.date, rhythm.source, rhythm.rhythm_days) == (date(2019, 3, 11), "rhythm", 28)
    assert next_meeting([JAN, FEB], [], given=None, today=TODAY).source == "unknown"  # one gap proves nothing
    assert next_meeting([FEB], [], given=None, today=TODAY).source == "unknown"


def test_the_rhythm_is_used_only_when_the_gaps_agree():
    from actiontrack.agenda import group_rhythm

    def days(*isos):
        return [date.fromisoformat(d) for d in isos]

    assert group_rhythm(days("2019-01-14", "2019-02-11", "2019-03-11", "2019-04-08")) == 28
    # a summer break among regular gaps keeps the rhythm
    assert group_rhythm(days("2019-04-08", "2019-05-06", "2019-06-03", "2019-08-26", "2019-09-23")) == 28
    # gaps of a week, four months and two months agree on nothing
    assert group_rhythm(days("2019-01-07", "2019-01-14", "2019-05-13", "2019-07-15")) is None
    assert group_rhythm(days("2019-01-07", "2019-02-04")) is None


def test_sections_in_order():
    items = [
        item(1, "Budget", kind=Kind.DEFERRED, meeting=JAN),
        item(2, "Sent", due=date(2019, 2, 1), owners=["Eva"], meeting=JAN),
        item(3, "Later", due=date(2019, 3, 30), owners=["Eva"]),
        item(4, "Someday", owners=["Bo"]),
        item(5, "Groups own"),
        item(6, "Very late", due=date(2019, 1, 20), owners=["Bo"], meeting=JAN),
    ]
    closed = [
        item(7, "Done after last meeting", status=Status.DONE, closed_at="2019-02-15T10:00:00+00:00"),
        item(8, "Done long ago", status=Status.DONE, closed_at="2019-01-20T10:00:00+00:00"),
    ]
    agenda = build_agenda("Rådet", [JAN, FEB], [], items, closed, given=date(2019, 3, 11), today=TODAY)
    assert [i.id for i in agenda.deferred] == [1]
    assert [i.id for i in agenda.overdue] == [6, 2]  # oldest due date first
    assert [i.id for i in agenda.open] == [3, 4, 5]
    assert [(owner, [i.id for i in its]) for owner, its in agenda.open_by_owner()] == [
        ("Bo", [4]),
        ("Eva", [3]),
        (None, [5]),
    ]
    assert [i.id for i in agenda.done_since_last] == [7]
    assert agenda.last_meeting == FEB


def test_overdue_is_measured_against_the_meeting_date_not_today():
    late = item(1, "Studiebesök", due=date(2019, 3, 1))
    agenda = build_agenda("Rådet", [JAN, FEB], [], [late], [], given=date(2019, 3, 11), today=TODAY)
    assert [i.id for i in agenda.overdue] == [1]
    early = build_agenda("Rådet", [JAN, FEB], [], [late], [], given=date(2019, 2, 25), today=TODAY)
    assert [i.id for i in early.open] == [1]


def test_age_is_counted_from_the_origin_meeting():
    from actiontrack.agenda import age_days

    old = Item(1, Kind.ACTION, "x", Status.OPEN, meeting=MeetingRef(1, "Rådet", date(2019, 1, 14)))
    assert age_days(old, date(2019, 3, 11)) == 56


def test_an_item_of_several_owners_is_grouped_once_after_the_first_owner():
    items = [
        item(1, "Eget", owners=["Anna"]),
        item(2, "Delat", owners=["Anna", "Bo"]),
        item(3, "Bos", owners=["Bo"]),
        item(4, "Gruppens"),
    ]
    agenda = build_agenda("Rådet", [JAN, FEB], [], items, [], given=date(2019, 3, 11), today=TODAY)
    assert [(owner, [i.id for i in its]) for owner, its in agenda.open_by_owner()] == [
        ("Anna", [1]),
        ("Anna, Bo", [2]),
        ("Bo", [3]),
        (None, [4]),
    ]


def test_the_meeting_after_comes_from_the_schedule_else_the_rhythm():
    from actiontrack.agenda import following_meeting

    schedule = [ScheduledMeeting(date(2019, 3, 11), "A"), ScheduledMeeting(date(2019, 4, 8), "B")]
    after = following_meeting(schedule, [JAN, FEB], date(2019, 3, 11))
    assert (after.date, after.source, after.place) == (date(2019, 4, 8), "schedule", "B")
    dec = Meeting(3, "Rådet", date(2018, 12, 17), "Rådet")
    rhythm = following_meeting([], [dec, JAN, FEB], date(2019, 3, 11))
    assert (rhythm.date, rhythm.source) == (date(2019, 4, 8), "rhythm")
    assert following_meeting([], [JAN, FEB], date(2019, 3, 11)) is None


def test_a_template_is_one_point_a_line_with_markers():
    from actiontrack.agenda.outline import DEFERRED, FOLLOW_UP, NEXT_MEETING, parse_template
    from actiontrack.i18n import set_language

    set_language("sv")
    text = "# kommentar\n\n1. Öppnande\n§ 2 Val\n  [ Nästa   Möte ]  \n[follow-up] Uppföljning\n[bordlagda]\n"
    points = parse_template(text, "mall.txt").points
    assert [(p.number, p.title, p.part) for p in points] == [
        (1, "Öppnande", None),
        (2, "Val", None),
        (3, "Nästa möte", NEXT_MEETING),  # no heading after the marker: the usual one
        (4, "Uppföljning", FOLLOW_UP),
        (5, "Bordlagda punkter", DEFERRED),
    ]


def test_the_built_in_templates_hold_the_usual_points():
    from actiontrack.agenda.outline import read_template

    sv = [p.title for p in read_template(None, "sv").points]
    assert sv[:4] == [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordningen",
        "Föregående protokoll",
    ]
    assert sv[4:] == [
        "Bordlagda punkter",
        "Uppföljning av åtgärder",
        "Övriga frågor",
        "Nästa möte",
        "Mötets avslutande",
    ]
    en = read_template(None, "en").points
    assert [p.part for p in en] == [p.part for p in read_template(None, "sv").points]
