"""Files the tool writes for the user: never half-written, never over something that is not ours.

Every file is written to a hidden temporary file in its own folder and renamed into place,
so a reader sees the old file or the new one, never a part; a run killed half-way leaves
only the hidden file, which the next write to that name removes (it may hold names).

A target is refused, in one sentence, when it is a folder, a device, a named pipe or a
socket (`-o /dev/full` said nothing and, run as root, replaced the device node), or a
database: ours, or any SQLite file (`export -o track.db` replaced the live database). An
existing file is replaced only when the user says so: `--force`, or a yes at a terminal.
Free of typer and rich: the commands pass their own way to ask.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from actiontrack.errors import UsageError
from actiontrack.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

SQLITE_HEADER = b"SQLite format 3\x00"
PRIVATE_FOLDER = 0o700  # folders that hold the database or settings: names are personal data


def is_sqlite_file(path: Path) -> bool:
    """The file starts as every SQLite database does (whatever its name)."""
    try:
        with open(path, "rb") as f:
            return f.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISDIR(mode):
        return _("a folder")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISFIFO(mode):
        return _("a named pipe")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    return None if stat.S_ISREG(mode) else _("not a regular file")


def not_a_file(path: Path) -> str | None:
    """What `path` is when it is there but no regular file ("a named pipe"), in words; else None.
    Looked at without opening it: opening a named pipe waits for a writer for ever."""
    try:
        return _kind(path.stat().st_mode)
    except OSError:
        return None  # missing or unreadable: opening it says which


def open_without_waiting(name: str, flags: int) -> int:
    """An opener for open(): a file that became a pipe since it was looked at does not block."""
    fd = os.open(name, flags | getattr(os, "O_NONBLOCK", 0))
    os.set_blocking(fd, True)
    return fd


def _database_files(database: Path | None) -> list[Path]:
    if database is None:
        return []
    return [database, *(database.with_name(database.name + s) for s in ("-wal", "-shm", "-journal"))]


def output_target(
    output: str,
    *,
    force: bool = False,
    database: Path | None = None,
    confirm: Callable[[str], bool] | None = None,
) -> Path:
    """The file to write `output` to, or UsageError saying in one sentence why not.

    `database` is the command's own SQLite file (refused with its journals whatever their
    header); `confirm` asks at a terminal whether an existing file may be replaced."""
    path = Path(output).expanduser()
    try:
        info = path.stat()  # follows a symbolic link: what the link names is what is written
    except FileNotFoundError:
        return path
    except OSError as e:
        raise UsageError(
            _("Cannot write {output}: {reason}.").format(output=output, reason=e.strerror or e)
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise UsageError(
            _("{output} is a directory; give the name of a file to write.").format(output=output)
        )
    kind = _kind(info.st_mode)
    if kind is not None:
        raise UsageError(
            _("{output} is {kind}, not a file; give the name of a file to write.").format(
                output=output, kind=kind
            )
        )
    for own in _database_files(database):
        try:
            if own.exists() and os.path.samefile(own, path):
                raise UsageError(
                    _("{output} is the database itself; give another file name to write to.").format(
                        output=output
                    )
                )
        except OSError:
            continue
    if is_sqlite_file(path):
        raise UsageError(
            _(
                "{output} is a database; actiontrack writes no output over one (give another file name)."
            ).format(output=output)
        )
    if not force:
        question = _("{output} exists. Replace it?").format(output=output)
        if confirm is None or not confirm(question):
            raise UsageError(
                _("{output} exists; nothing was written (add --force to replace it).").format(output=output)
            )
    return path


def write_atomically(path: Path, data: bytes | Iterable[bytes]) -> None:
    """`data` (whole, or in pieces) as the whole of `path`: a hidden temporary file beside it,
    synced, then renamed.

    A symbolic link stays and what it names is replaced; a replaced file keeps its mode, a new
    one is readable by its owner only (it may hold names). OSError as the system raised it."""
    import glob
    import tempfile

    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    # a run that was killed half-way left its hidden temporary file, with names in it
    for stale in glob.glob(glob.escape(str(target.parent / f".{target.name}.")) + "*.partial"):
        Path(stale).unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                f.writelines(data)
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def make_private_folder(folder: Path) -> None:
    """`folder` and any missing parents created 0700, whatever the umask (mkdir's mode is
    masked by it: under umask 000 a plain mkdir gave 0777). Folders that exist keep their mode."""
    missing = []
    for parent in [folder, *folder.parents]:
        if parent.exists():
            break
        missing.append(parent)
    for created in reversed(missing):
        try:
            created.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made meanwhile by another process
        os.chmod(created, PRIVATE_FOLDER)
