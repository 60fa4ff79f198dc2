"""Reading and extracting the documents of an import: in worker processes when there are many.

Extraction is the work of an import (four fifths of it), and each document's is its own: a
year of minutes is read on every processor at once, and comes back in the order given, so
what is stored, and in what order, does not depend on how many workers read it. A few
documents, or standard input, are read in this process, where a long one can show how far
it has come; so is the first of many where workers fork, so that they start with the
meeting parser, its rules and the tagger's model loaded. Storing stays in one process: one writer at a time is what SQLite wants.
"""

from __future__ import annotations

import itertools
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import TYPE_CHECKING

from actiontrack.errors import DocumentError
from actiontrack.records import record

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from actiontrack.usecases.meeting_dates import Pending

MIN_PER_WORKER = 4  # fewer documents than this per worker: starting one costs more than it saves
MAX_WORKERS = 8
# Linux forks: a worker starts in a millisecond with what this process has loaded. Elsewhere
# forking is unsafe (macOS) or impossible (Windows), and a worker starts afresh.
START_METHOD = "fork" if sys.platform.startswith("linux") else "spawn"


@record(frozen=True)
class Read:
    """One document read and extracted, or why it could not be read."""

    path: str
    pending: Pending | None = None
    error: str | None = None  # a DocumentError's sentence


def read_one(path: str, how: Mapping[str, object]) -> Read:
    """Read and extract one document, `how` being extract_for_import's options (today, year,
    when, group); run in a worker process, or here."""
    from actiontrack.extract.reading import read_document
    from actiontrack.usecases.meeting_dates import extract_for_import

    try:
        document = read_document(path)
    except DocumentError as e:
        return Read(path, error=str(e))
    return Read(path, extract_for_import(document, **how))  # type: ignore[arg-type]


def workers_for(paths: Sequence[str], jobs: int | None) -> int:
    """How many worker processes read `paths`: `jobs` when given (1: none), else, where workers
    fork (Linux), one per processor when there are enough documents to keep them busy; none
    for standard input. Where a worker starts afresh (Windows, macOS) it costs a few tenths of
    a second and is only used when asked for."""
    if "-" in paths or len(paths) < 2:
        return 1
    if jobs is not None:
        return max(1, min(jobs, len(paths)))
    if START_METHOD != "fork":
        return 1
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS, len(paths) // MIN_PER_WORKER))


@contextmanager
def read_all(
    paths: Sequence[str],
    how: Mapping[str, object],
    *,
    jobs: int | None = None,
    around: Callable[[str], AbstractContextManager[object]] | None = None,
) -> Iterator[Iterator[Read]]:
    """The documents of `paths` read and extracted, in their order. The workers start on entering
    the block, so that what the caller does before iterating (opening the database) runs
    alongside them; `around` wraps each document read in this process (a progress line)."""
    workers = workers_for(paths, jobs)
    if workers == 1:
        yield _here(paths, how, around)
        return
    # A forked worker starts with what this process has loaded: the first document is read
    # here, and the modules, rules and model it needed are loaded once, not in every worker.
    first = [read_one(paths[0], how)] if START_METHOD == "fork" else []
    pool = _pool(workers)
    finished = False
    try:
        futures = [pool.submit(read_one, path, how) for path in paths[len(first) :]]
        yield itertools.chain(first, _results(futures, paths[len(first) :], how))
        finished = True
    finally:
        if not finished:  # stopped early (an error, Ctrl-C): the workers are stopped, not waited for
            # (Python 3.14 says it as pool.terminate_workers())
            for process in list((getattr(pool, "_processes", None) or {}).values()):
                process.terminate()
        pool.shutdown(wait=finished, cancel_futures=True)


def _results(
    futures: Sequence[Future[Read]], paths: Sequence[str], how: Mapping[str, object]
) -> Iterator[Read]:
    """The workers' results in order; if a worker dies (the system ended it for memory, say),
    the documents not read yet are read here: slower, but nothing is lost."""
    from concurrent.futures.process import BrokenProcessPool

    for n, future in enumerate(futures):
        try:
            yield future.result()
        except BrokenProcessPool:
            yield from _here(paths[n:], how, None)
            return


def _here(
    paths: Sequence[str],
    how: Mapping[str, object],
    around: Callable[[str], AbstractContextManager[object]] | None,
) -> Iterator[Read]:
    for path in paths:
        with around(path) if around is not None else nullcontext():
            read = read_one(path, how)
        yield read


def _pool(workers: int) -> Executor:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from actiontrack.i18n import language

    context = multiprocessing.get_context(START_METHOD)
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_start_worker, initargs=(language(),))


def _start_worker(language: str) -> None:
    """A worker writes in the language of the command (a warning, why a file cannot be read), and
    leaves Ctrl-C to the command, which stops it: no worker's traceback on the terminal."""
    import signal

    from actiontrack.i18n import set_language

    set_language(language)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
