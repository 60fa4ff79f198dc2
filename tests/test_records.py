"""actiontrack.records behaves as the dataclasses it replaced: each case is run on
a record and on the same class made with dataclasses, and must come out the same."""

import dataclasses

import pytest

from actiontrack import records


def _both(frozen):
    def define(make, field):
        kw = {"frozen": True} if frozen else {}

        @make(**kw)
        class Minute:
            title: str
            number: int = 1
            names: list = field(default_factory=list)

        return Minute

    return define(records.record, records.field), define(dataclasses.dataclass, dataclasses.field)


@pytest.mark.parametrize("frozen", [False, True])
def test_construction_defaults_repr_and_equality(frozen):
    mine, theirs = _both(frozen)
    for args, kwargs in [(("Möte",), {}), (("Möte", 3), {}), ((), {"title": "Möte", "names": ["Åsa"]})]:
        a, b = mine(*args, **kwargs), theirs(*args, **kwargs)
        assert repr(a).split("(", 1)[1] == repr(b).split("(", 1)[1]
        assert (a.title, a.number, a.names) == (b.title, b.number, b.names)
        assert a == mine(*args, **kwargs) and a != mine("Annat")
    assert mine("x").names is not mine("x").names  # a new list each time
    assert (mine("x") == theirs("x")) is False  # another class is never equal
    with pytest.raises(TypeError):
        mine()
    with pytest.raises(TypeError):
        mine("x", 1, [], "too many")


def test_frozen_records_hash_and_refuse_assignment():
    mine, theirs = _both(True)
    a = mine("Möte", 2, ("Leif",))
    assert hash(a) == hash(mine("Möte", 2, ("Leif",)))
    with pytest.raises(records.FrozenInstanceError):
        a.title = "Nytt"
    with pytest.raises(AttributeError):  # as dataclasses.FrozenInstanceError is one
        del a.number


def test_mutable_records_can_change_and_are_unhashable():
    mine, theirs = _both(False)
    a = mine("Möte")
    a.number = 5
    assert a.number == 5
    with pytest.raises(TypeError):
        hash(a)
    with pytest.raises(TypeError):
        hash(theirs("Möte"))


def test_replace():
    mine, _ = _both(True)
    a = mine("Möte", 2)
    assert records.replace(a, number=3) == mine("Möte", 3)
    assert a.number == 2
    with pytest.raises(TypeError):
        records.replace(a, colour="blå")


def test_a_field_without_default_after_one_with_is_refused():
    with pytest.raises(TypeError):

        @records.record
        class Wrong:
            a: int = 1
            b: int


def test_importing_the_models_loads_no_dataclasses():
    import json
    import subprocess
    import sys

    code = "import sys, json, actiontrack.models, actiontrack.usecases.items; print(json.dumps(sorted(sys.modules)))"
    loaded = json.loads(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    assert "dataclasses" not in loaded and "inspect" not in loaded


def test_a_lazy_pattern_answers_as_the_compiled_one():
    import re

    from actiontrack.lazy_re import lazy

    source, text = r"(?P<vem>[A-ZÅÄÖ]\w+) ska (\w+)", "Åsa ska boka lokal, Leif ska ringa"
    pattern = lazy(source, re.IGNORECASE)
    assert pattern.pattern == source and pattern._compiled is None  # nothing compiled yet
    compiled = re.compile(source, re.IGNORECASE)
    for _ in range(2):  # before and after the first use
        assert pattern.search(text).group("vem") == compiled.search(text).group("vem")
        assert pattern.match(text).span() == compiled.match(text).span()
        assert pattern.findall(text) == compiled.findall(text)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
        assert pattern.sub(r"\2", text) == compiled.sub(r"\2", text)
        assert pattern.split(text) == compiled.split(text)
        assert pattern.fullmatch(text) is None
    assert pattern.flags == compiled.flags and pattern.groupindex == compiled.groupindex


def test_a_built_pattern_is_compiled_once_and_kept_within_bounds():
    import re

    from actiontrack import lazy_re

    first = lazy_re.built(r"(?<![\wåäö])Åsa(?![\wåäö])", re.IGNORECASE)
    assert first is lazy_re.built(r"(?<![\wåäö])Åsa(?![\wåäö])", re.IGNORECASE)  # kept, not compiled again
    assert first.search("Vid pennan: ÅSA.") and first.flags & re.IGNORECASE
    assert lazy_re.built(r"(?<![\wåäö])Åsa(?![\wåäö])") is not first  # the flags are part of the key
    for i in range(lazy_re._BUILT_SIZE + 5):
        lazy_re.built(f"namn{i}")
    assert len(lazy_re._built) <= lazy_re._BUILT_SIZE
