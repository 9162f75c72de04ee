"""@record: salarycli's plain record classes, made without the dataclasses module.

`@record` reads a class's annotated fields (and defaults, and `field(default_factory=...)`) as
@dataclass does and gives it `__slots__`, `__init__`, `__repr__`, `__eq__` and, with
`unsafe_hash=True`, `__hash__`; `fields()` and `replace()` are the two dataclasses functions
salarycli uses. Why not dataclasses: importing it imports inspect, and it makes each class
through much generated code; the two cost about 12 ms of every run, a fifth of an estimate
(benchmarks/RESULTS.md, issue #15). This module costs about 0.05 ms a class.

Type checkers read @record as a dataclass (`dataclass_transform`). No inheritance between
records, no frozen records, no ClassVar fields: salarycli needs none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

Cls = TypeVar("Cls", bound=type)
R = TypeVar("R")
_MISSING: Any = object()


class Field:
    """A field's default, or the factory that makes it for each record."""

    __slots__ = ("default", "factory")

    def __init__(self, default: Any, factory: Callable[[], Any] | None) -> None:
        self.default, self.factory = default, factory


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] | None = None) -> Any:
    """A field's default (as dataclasses.field): `default_factory` makes one for each record."""
    return Field(default, default_factory)


@dataclass_transform(field_specifiers=(field,))
def record(cls: Cls | None = None, /, *, unsafe_hash: bool = False, slots: bool = True) -> Any:
    """Make `cls` a record (see above); `slots=False` for one that keeps other attributes."""

    def make(cls: Cls) -> Cls:
        return _make(cls, unsafe_hash, slots)

    return make if cls is None else make(cls)


def fields(cls: type) -> tuple[str, ...]:
    """A record class's field names, in order."""
    names: tuple[str, ...] = cls.__record_fields__  # type: ignore[attr-defined]
    return names


def replace(item: R, **changes: Any) -> R:
    """A copy of the record `item` with `changes` (as dataclasses.replace)."""
    names = fields(type(item))
    unknown = set(changes) - set(names)
    if unknown:
        raise TypeError(f"{type(item).__name__} has no field {sorted(unknown)[0]!r}")
    return type(item)(**{name: changes.get(name, getattr(item, name)) for name in names})


def _make(cls: Cls, hashable: bool, slots: bool) -> Cls:
    names = tuple(cls.__dict__.get("__annotations__", {}))  # noqa: RUF063 (inspect: the cost)
    namespace = {
        key: value
        for key, value in cls.__dict__.items()
        if key not in names and key not in ("__dict__", "__weakref__")
    }
    values: dict[str, Any] = {"_MISSING": _MISSING}
    parameters, lines = [], []
    for name in names:
        default = cls.__dict__.get(name, _MISSING)
        if isinstance(default, Field) and default.factory is not None:
            values[f"_make_{name}"] = default.factory
            parameters.append(f"{name}=_MISSING")
            lines.append(f"    self.{name} = _make_{name}() if {name} is _MISSING else {name}")
            continue
        if isinstance(default, Field):
            default = default.default
        if default is not _MISSING:
            values[f"_default_{name}"] = default
            parameters.append(f"{name}=_default_{name}")
        elif parameters and "=" in parameters[-1]:
            raise TypeError(f"{cls.__name__}: field {name!r} without a default follows one with")
        else:
            parameters.append(name)
        lines.append(f"    self.{name} = {name}")
    source = f"def __init__(self, {', '.join(parameters)}):\n" + ("\n".join(lines) or "    pass")
    exec(source, values)  # as dataclasses does: a real __init__ is as fast as a hand-written one
    init = values["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    key = attrgetter(*names) if names else (lambda item: ())

    def __eq__(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return key(self) == key(other)

    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{type(self).__qualname__}({shown})"

    namespace.update(
        __init__=init,
        __eq__=__eq__,
        __repr__=__repr__,
        __hash__=(lambda self: hash(key(self))) if hashable else None,
        __record_fields__=names,
        __match_args__=names,
    )
    if slots:
        namespace["__slots__"] = names
    made: Cls = type(cls)(cls.__name__, cls.__bases__, namespace)
    made.__qualname__ = cls.__qualname__
    return made
