"""``Record``: a small immutable value type, for the few made on start-up's path.

A ``@dataclass(frozen=True)`` writes its methods as Python source and runs ``exec`` on each
(init, repr, eq, hash, setattr, delattr): about half a millisecond a class at import. The
types the window needs before the reader's text is first painted (the machine-wide settings,
the language choice, the theme's colours) are Records instead, which behave the same way:
fields in the order they are declared, positional or by keyword, defaults from the class
body; equal when of the same class with equal fields; hashable; a dataclass-like repr;
assigning or deleting an attribute raises ``dataclasses.FrozenInstanceError``.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from typing import Any, ClassVar, dataclass_transform


@dataclass_transform(frozen_default=True)
class Record:
    _fields: ClassVar[tuple[str, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        declared = cls.__dict__.get("__annotations__", {})
        own = tuple(name for name, kind in declared.items()
                    if not str(kind).startswith(("ClassVar", "typing.ClassVar"))
                    and name not in cls._fields)
        cls._fields = cls._fields + own

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        cls = type(self)
        fields = cls._fields
        if len(args) > len(fields):
            raise TypeError(f"{cls.__qualname__}() takes {len(fields)} arguments "
                            f"but {len(args)} were given")
        values = dict(zip(fields, args, strict=False))
        for name, value in kwargs.items():
            if name not in fields:
                raise TypeError(f"{cls.__qualname__}() got an unexpected keyword argument "
                                f"{name!r}")
            if name in values:
                raise TypeError(f"{cls.__qualname__}() got multiple values for argument "
                                f"{name!r}")
            values[name] = value
        for name in fields:
            if name in values:
                value = values[name]
            else:
                try:
                    value = getattr(cls, name)  # the default written in the class body
                except AttributeError:
                    raise TypeError(f"{cls.__qualname__}() missing required argument: "
                                    f"{name!r}") from None
            object.__setattr__(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self._fields)

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            assert isinstance(other, Record)
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")
