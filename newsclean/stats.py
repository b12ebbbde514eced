"""A run's counts and timings in one object (datatrove's PipelineStats, in small): every stage adds its wall time
and its counts into a `Stats`; a batch's Stats are merged into the run's, wherever the batch was cleaned. The
manifest, the Prefect artifacts and the benchmark all read this one object, so they cannot disagree."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

# Names of the counts, "group/name": a group's names are what the manifest lists under it.
REMOVED = "removed/"  # lines removed from written articles, by category ("meta:<field>" for metadata lines)
REJECTED = "rejected/"  # inputs that ended in rejected/, by reason code (quarantined articles included)
INPUTS_SEEN = "inputs/seen"
INPUTS_UNCHANGED = "inputs/unchanged"
ARTICLES = "articles/written"
LINES_SEEN = "lines/seen"  # candidate lines of written articles: removed, body and title
LINES_REMOVED = "lines/removed"
LINES_UNEXPLAINED = "lines/removed_unexplained"  # removed by position alone (no rule, shape or memory)


@dataclass(slots=True)
class Stats:
    """Seconds per stage and named counts; `merge` adds another Stats (a batch's, a worker's) into this one."""

    seconds: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)

    @contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        """Add the wall time of the block to the stage."""
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[stage] += time.perf_counter() - start

    def count(self, name: str, amount: int = 1) -> None:
        self.counts[name] += amount

    def merge(self, other: Stats) -> None:
        self.seconds.update(other.seconds)
        self.counts.update(other.counts)

    def group(self, prefix: str) -> dict[str, int]:
        """The counts of one group ("removed/", "rejected/"), by name, largest first, zeros left out."""
        found = Counter({name[len(prefix):]: n for name, n in self.counts.items() if name.startswith(prefix) and n})
        return dict(found.most_common())

    def total(self, prefix: str) -> int:
        return sum(self.group(prefix).values())

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready: seconds per stage (and per 1,000 new inputs), and every count."""
        new = self.counts[INPUTS_SEEN] - self.counts[INPUTS_UNCHANGED]
        return {"stages": {stage: {"seconds": round(seconds, 4),
                                   "ms_per_input": round(1000 * seconds / new, 4) if new else None}
                           for stage, seconds in sorted(self.seconds.items())},
                "counts": dict(sorted(self.counts.items()))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Stats:
        """The Stats `as_dict` wrote (seconds rounded to 0.1 ms)."""
        return cls(Counter({stage: float(row["seconds"]) for stage, row in data.get("stages", {}).items()}),
                   Counter({name: int(n) for name, n in data.get("counts", {}).items()}))
