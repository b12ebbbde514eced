"""A value pickled when it is made and carried as bytes: what a process or a task engine passes on unopened."""

from __future__ import annotations

import pickle
from typing import Any


class Pickled:
    """A value pickled at construction; `value()` unpickles a copy of it as it was then. Carried as its bytes:
    whoever only passes it on needs neither to walk it nor to import its classes."""

    __slots__ = ("payload",)

    def __init__(self, value: Any) -> None:
        self.payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)

    def __getstate__(self) -> bytes:
        return self.payload

    def __setstate__(self, payload: bytes) -> None:
        self.payload = payload

    def value(self) -> Any:
        """A copy of the value as it was when pickled."""
        return pickle.loads(self.payload)
