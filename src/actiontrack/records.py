"""`@record`: the part of dataclasses this package uses, at a fraction of its start-up cost.

Importing dataclasses imports inspect (with ast, dis and tokenize), and each frozen dataclass
compiles six generated methods: for `track add` that was 26 classes and about a fifth of its
time. A record is what `@dataclass` / `@dataclass(frozen=True)` made of the same class:
fields from the annotations in order, defaults and `field(default_factory=...)`, an
`__init__` (one generated function per class), `__repr__`, `__eq__` field by field within
the class, and for a frozen record `__hash__` and assignment refused with
FrozenInstanceError. `replace()` is dataclasses.replace. tests/test_records.py holds it to
dataclasses' behaviour. Type checkers see it as a dataclass (dataclass_transform).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform, overload

    T = TypeVar("T")
else:

    def dataclass_transform(**_: object) -> Callable[[T], T]:
        return lambda f: f


class FrozenInstanceError(AttributeError):
    """Assigning to a field of a frozen record (as dataclasses.FrozenInstanceError)."""


class _Factory:
    __slots__ = ("factory",)

    def __init__(self, factory: Callable[[], Any]) -> None:
        self.factory = factory


def field(*, default_factory: Callable[[], Any]) -> Any:
    """A field whose default is made anew for each record: `field(default_factory=list)`."""
    return _Factory(default_factory)


_MISSING = object()


if TYPE_CHECKING:

    @overload
    def record(cls: type[T], /) -> type[T]: ...
    @overload
    def record(*, frozen: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(field,))
def record(cls: Any = None, /, *, frozen: bool = False) -> Any:
    """`@record` or `@record(frozen=True)` on a class with annotated fields."""
    if cls is None:
        return lambda c: _make(c, frozen)
    return _make(cls, False)


def _make(cls: Any, frozen: bool) -> Any:
    names: list[str] = []
    for klass in reversed(cls.__mro__[:-1]):  # a record's fields come after its bases'
        for name in klass.__dict__.get("__annotations__", {}):
            if name not in names:
                names.append(name)
    defaults = {}
    for name in names:
        value = getattr(cls, name, _MISSING)
        if value is not _MISSING:
            defaults[name] = value
            if isinstance(value, _Factory):
                delattr(cls, name)  # as dataclasses: the class keeps no shared list
    cls.__record_fields__ = tuple(names)
    cls.__match_args__ = tuple(names)  # type: ignore[misc]
    cls.__init__ = _init(cls, names, defaults, frozen)
    if "__repr__" not in cls.__dict__:
        cls.__repr__ = _repr
    if "__eq__" not in cls.__dict__:
        cls.__eq__ = _eq
    if frozen:
        cls.__setattr__ = _refuse
        cls.__delattr__ = _refuse
        if "__hash__" not in cls.__dict__ or cls.__dict__["__hash__"] is None:
            cls.__hash__ = _hash
    else:
        cls.__hash__ = None  # mutable and compared by value: unhashable, as a dataclass
    return cls


def _init(cls: Any, names: list[str], defaults: dict[str, Any], frozen: bool) -> Callable[..., None]:
    """The class's __init__, written out as dataclasses writes it (but in one function)."""
    scope: dict[str, Any] = {"_object_setattr": object.__setattr__}
    params, body = [], []
    for name in names:
        if name in defaults:
            scope[f"_d_{name}"] = defaults[name]
            if isinstance(defaults[name], _Factory):
                params.append(f"{name}=_MISSING")
                value = f"_d_{name}.factory() if {name} is _MISSING else {name}"
                scope["_MISSING"] = _MISSING
            else:
                params.append(f"{name}=_d_{name}")
                value = name
        else:
            if params and "=" in params[-1]:
                raise TypeError(f"non-default argument '{name}' follows default argument")
            params.append(name)
            value = name
        body.append(f"  _object_setattr(self, '{name}', {value})" if frozen else f"  self.{name} = {value}")
    source = f"def __init__(self, {', '.join(params)}):\n" + ("\n".join(body) or "  pass")
    exec(source, scope)  # noqa: S102 - our own field names, as dataclasses does
    init: Callable[..., None] = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init


def _values(self: Any) -> tuple[Any, ...]:
    return tuple(getattr(self, name) for name in self.__record_fields__)


def _repr(self: Any) -> str:
    fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_fields__)
    return f"{type(self).__qualname__}({fields})"


def _eq(self: Any, other: object) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _values(self) == _values(other)


def _hash(self: Any) -> int:
    return hash(_values(self))


def _refuse(self: Any, name: str, *value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field '{name}'")


def replace(obj: T, /, **changes: Any) -> T:
    """A copy of the record `obj` with some fields changed (dataclasses.replace)."""
    values = {name: getattr(obj, name) for name in obj.__record_fields__}  # type: ignore[attr-defined]
    unknown = set(changes) - set(values)
    if unknown:
        raise TypeError(f"{type(obj).__name__} has no field {sorted(unknown)[0]!r}")
    values.update(changes)
    return type(obj)(**values)
