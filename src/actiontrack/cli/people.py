"""Commands on people: people, person."""

# No `from __future__ import annotations` here: typer would eval() every annotation
# string of every command at each start (about 20 ms, issue 5).
import sys
from typing import Annotated

import typer

from actiontrack.cli.base import (
    OutFormat,
    console,
    echo_json,
    people_app,
    person_app,
    say,
    state_of,
)
from actiontrack.errors import UsageError

# --- people ------------------------------------------------------------------------------------------------------


@people_app.callback(invoke_without_command=True)
def people_default(ctx: typer.Context) -> None:
    """The people items can belong to. Without a subcommand: list them."""
    if ctx.invoked_subcommand is None:
        people_list(ctx, OutFormat.table)


@people_app.command("list")
def people_list(
    ctx: typer.Context,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="Output format.")] = OutFormat.table,
) -> None:
    """List the people known, with organisation and aliases."""
    from actiontrack.render import people_table, person_dict

    state = state_of(ctx)
    with state.reader() as repo:
        people = repo.list_people()
    if fmt is OutFormat.json:
        echo_json([person_dict(p) for p in people])
    elif not people:
        say("Nobody yet: `track people add NAME` or `track import FILE`.", err=True)
    else:
        console().print(people_table(people))


@people_app.command("add")
def people_add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Full name, e.g. 'Leif Redestig'.")],
    organisation: Annotated[
        str | None, typer.Option("--org", help="Organisation, e.g. socialförvaltningen.")
    ] = None,
    alias: Annotated[
        list[str] | None, typer.Option("--alias", help="Another name they go by (repeatable).")
    ] = None,
) -> None:
    """Add a person.

    Example:

        track people add "Bo Pettersson" --org Ria/G7 --alias Bosse
    """
    from actiontrack import service

    state = state_of(ctx)
    warnings: list[str] = []
    person = state.write(
        lambda repo: service.add_person(repo, name, organisation, alias or (), state.now, warnings)
    )
    say(f"Added {person.name} (#{person.id}).")
    for warning in warnings:
        say(f"Note: {warning}", err=True)


@people_app.command("alias")
def people_alias(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person (any name that means them).")],
    alias: Annotated[str, typer.Argument(help="Another name for them.")],
) -> None:
    """Give a person another name that resolves to them."""
    from actiontrack import service

    state = state_of(ctx)
    person = state.write(lambda repo: service.add_alias(repo, name, alias))
    say(f"{alias} now means {person.name}.")


@people_app.command("merge")
def people_merge(
    ctx: typer.Context,
    keep: Annotated[str, typer.Argument(help="The person to keep.")],
    other: Annotated[str, typer.Argument(help="The duplicate: its items and meetings move to KEEP.")],
) -> None:
    """Merge a duplicate person into another; the duplicate's name becomes an alias.

    Example:

        track people merge "Anki Sörensen" Anki
    """
    from actiontrack import service

    state = state_of(ctx)
    person = state.write(lambda repo: service.merge_people(repo, keep, other))
    say(f"Merged into {person.name}; aliases: {', '.join(person.aliases)}.")


# --- personal data ---------------------------------------------------------------------------------------------


@person_app.command("export")
def person_export(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person (any name that means them).")],
) -> None:
    """Print everything stored about a person, as JSON: their items with notes and history,
    the sentences that name them, the meetings they are listed at.

    Example:

        track person export "Leif Redestig" > leif.json
    """
    from actiontrack import personal_data
    from actiontrack.render import item_dict, meeting_dict, person_dict

    state = state_of(ctx)
    with state.reader() as repo:
        data = personal_data.person_data(repo, name)
    echo_json({
        "person": person_dict(data.person),
        "meetings": [{**meeting_dict(m), "present": present} for m, present in data.meetings],
        "secretary_of": [meeting_dict(m) for m in data.secretary_of],
        "items_owned": [item_dict(i, history=True) for i in data.owned],
        "items_naming_them": [item_dict(i, history=True) for i in data.mentioned],
        "meetings_naming_them": [meeting_dict(m) for m in data.meetings_naming_them],
        "names_left_as_written": data.left_ambiguous,
    })  # fmt: skip


@person_app.command("forget")
def person_forget(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The person to remove.")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
) -> None:
    """Remove a person: every stored sentence and note that names them is rewritten, with their
    e-mail address and phone number; their items stay (owner: "removed person"), and the
    database file is cleaned so that no deleted text is left in it. Earlier backups and
    exports, and PostgreSQL's WAL archive, still hold the name.

    Example:

        track person forget "Leif Redestig"
    """
    from actiontrack import personal_data
    from actiontrack.storage.maintenance import purge

    state = state_of(ctx)
    with state.reader() as repo:
        data = personal_data.person_data(repo, name)
    summary = (f"{data.person.name}: {len(data.owned)} items owned, {len(data.mentioned)} other items that name them, "
               f"{len(data.meetings)} meetings")  # fmt: skip
    if not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"Forgetting {data.person.name} cannot be undone; confirm with --yes.")
        if not typer.confirm(f"Forget {summary}? This cannot be undone", default=False, err=True):
            raise typer.Exit(1)
    state.write(lambda repo: personal_data.forget_person(repo, data.person.name, now=state.now))
    say(f"Forgot {summary}.")
    if data.left_ambiguous:
        left = " and ".join(f"'{n}'" for n in data.left_ambiguous)
        say(f"Note: {left} alone was left as written: other people known go by the same name.", err=True)
    say("Note: earlier backups and exports still hold the name"
               + (", and so does PostgreSQL's WAL archive, if one is kept" if not state.url.startswith("sqlite") else "")
               + "; delete or replace them too.", err=True)  # fmt: skip
    purge(state.url)
