"""Commands on people: people, person."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms).
import sys
from typing import Annotated

import typer

from actiontrack.cli import completion, library_words
from actiontrack.cli.base import (
    OutFormat,
    console,
    echo_json,
    example,
    people_app,
    person_app,
    say,
    say_note,
    state_of,
)
from actiontrack.errors import UsageError
from actiontrack.i18n import _, ngettext

# --- people ------------------------------------------------------------------------------------------------------


@people_app.callback(invoke_without_command=True)
def people_default(ctx: typer.Context) -> None:
    # `track people` without a subcommand lists them; the group's help is people_app's (base.py)
    if ctx.invoked_subcommand is None:
        people_list(ctx, OutFormat.table)


@people_app.command("list", help=_("List the people known, with organisation and aliases."))
def people_list(
    ctx: typer.Context,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help=_("Output format."))] = OutFormat.table,
) -> None:
    from actiontrack.render import people_table, person_dict

    state = state_of(ctx)
    with state.reader() as repo:
        people = repo.list_people()
    if fmt is OutFormat.json:
        echo_json([person_dict(p) for p in people])
    elif not people:
        say(_("Nobody yet: `track people add NAME` or `track import FILE`."), err=True)
    else:
        console().print(people_table(people))


@people_app.command(
    "add", help=_("Add a person.") + example('track people add "Bo Pettersson" --org Ria/G7 --alias Bosse')
)
def people_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("Full name, e.g. 'Leif Redestig'."))],
    organisation: Annotated[
        str | None, typer.Option("--org", help=_("Organisation, e.g. socialförvaltningen."))
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help=_("Another name they go by (repeatable)."))
    ] = None,
) -> None:
    from actiontrack import service

    state = state_of(ctx)
    warnings: list[str] = []
    person = state.write(
        lambda repo: service.add_person(repo, name, organisation, alias or (), state.now, warnings)
    )
    say(_("Added {name} (#{id}).").format(name=person.name, id=person.id))
    for warning in warnings:
        say_note(warning)


@people_app.command("alias", help=_("Give a person another name that resolves to them."))
def people_alias(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(help=_("The person (any name that means them)."), autocompletion=completion.people),
    ],
    alias: Annotated[str, typer.Argument(help=_("Another name for them."))],
) -> None:
    from actiontrack import service

    state = state_of(ctx)
    person = state.write(lambda repo: service.add_alias(repo, name, alias))
    say(_("{alias} now means {name}.").format(alias=alias, name=person.name))


@people_app.command(
    "merge",
    help=_("Merge a duplicate person into another; the duplicate's name becomes an alias.")
    + example('track people merge "Anki Sörensen" Anki'),
)
def people_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help=_("The person to keep."), autocompletion=completion.people)],
    other: Annotated[
        str,
        typer.Argument(
            help=_("The duplicate: its items and meetings move to KEEP."), autocompletion=completion.people
        ),
    ],
) -> None:
    from actiontrack import service

    state = state_of(ctx)
    person = state.write(lambda repo: service.merge_people(repo, keep, other))
    say(
        _("Merged into {name}; aliases: {aliases}.").format(
            name=person.name, aliases=", ".join(person.aliases)
        )
    )


# --- personal data ---------------------------------------------------------------------------------------------


@person_app.command(
    "export",
    help=_(
        "Print everything stored about a person, as JSON: their items with notes and history, "
        "the sentences that name them, the meetings they are listed at."
    )
    + example('track person export "Leif Redestig" > leif.json'),
)
def person_export(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(help=_("The person (any name that means them)."), autocompletion=completion.people),
    ],
) -> None:
    from actiontrack import service
    from actiontrack.render import item_dict, meeting_dict, person_dict

    state = state_of(ctx)
    with state.reader() as repo:
        data = service.person_data(repo, name)
    echo_json(
        {
            "person": person_dict(data.person),
            "meetings": [{**meeting_dict(m), "present": present} for m, present in data.meetings],
            "secretary_of": [meeting_dict(m) for m in data.secretary_of],
            "items_owned": [item_dict(i, history=True) for i in data.owned],
            "items_naming_them": [item_dict(i, history=True) for i in data.mentioned],
            "meetings_naming_them": [meeting_dict(m) for m in data.meetings_naming_them],
            "names_left_as_written": data.left_ambiguous,
        }
    )


@person_app.command(
    "forget",
    help=_(
        "Remove a person: every stored sentence and note that names them is rewritten, with their "
        'e-mail address and phone number; their items stay (owner: "removed person"), and the '
        "database file is cleaned so that no deleted text is left in it. Earlier backups and "
        "exports, and PostgreSQL's WAL archive, still hold the name."
    )
    + example('track person forget "Leif Redestig"'),
)
def person_forget(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help=_("The person to remove."), autocompletion=completion.people)],
    yes: Annotated[bool, typer.Option("--yes", "-y", help=_("Do not ask for confirmation."))] = False,
) -> None:
    from actiontrack import service
    from actiontrack.storage.maintenance import purge

    state = state_of(ctx)
    with state.reader() as repo:
        data = service.person_data(repo, name)
    owned, mentioned, meetings = len(data.owned), len(data.mentioned), len(data.meetings)
    summary = _("{name}: {owned}, {mentioned}, {meetings}").format(
        name=data.person.name,
        owned=ngettext("{n} item owned", "{n} items owned", owned).format(n=owned),
        mentioned=ngettext(
            "{n} other item that names them", "{n} other items that name them", mentioned
        ).format(n=mentioned),
        meetings=ngettext("{n} meeting attended", "{n} meetings attended", meetings).format(n=meetings),
    )
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(
                _("Forgetting {name} cannot be undone; confirm with --yes.").format(name=data.person.name)
            )
        if not library_words.confirm(_("Forget {summary}? This cannot be undone").format(summary=summary)):
            raise typer.Exit(1)
    _forget(state, data.person.name)
    say(_("Forgot {summary}.").format(summary=summary))
    if data.left_ambiguous:
        left = _(" and ").join(f"'{n}'" for n in data.left_ambiguous)
        say_note(
            ngettext(
                "{names} alone was left as written: other people known go by the same name.",
                "{names} alone were left as written: other people known go by the same names.",
                len(data.left_ambiguous),
            ).format(names=left)
        )
    say_note(
        _("earlier backups and exports still hold the name; delete or replace them too.")
        if state.url.startswith("sqlite")
        else _(
            "earlier backups and exports still hold the name, and so does PostgreSQL's WAL archive, "
            "if one is kept; delete or replace them too."
        )
    )
    purge(state.url)


def _forget(state, name: str) -> None:  # type: ignore[no-untyped-def]
    """Forget the person, waiting at most busy_timeout for another program's lock, and move
    `default_group` off a group that was named after them."""
    from actiontrack import service
    from actiontrack.config import config_path
    from actiontrack.errors import StorageError
    from actiontrack.storage.connect import BusyError
    from actiontrack.storage.maintenance import busy_timeout

    wait = busy_timeout()
    try:
        done = state.write(lambda repo: service.forget_person(repo, name, now=state.now), busy_s=wait)
    except BusyError:
        raise StorageError(
            _(
                "Nothing was forgotten: another program has kept the database busy for {seconds} s. Close it "
                "(or wait until it is done) and run the command again; the setting busy_timeout says how long to wait."
            ).format(seconds=f"{wait:g}")
        ) from None
    group = service.follow_renamed_groups(done.renamed_groups)
    if group is not None:
        say_note(
            _("default_group in {file} named a group after them; it now names '{group}'.").format(
                file=config_path(), group=group
            )
        )
