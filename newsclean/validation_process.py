"""Great Expectations in a process of its own, started when a command starts: its import and context cost
seconds, paid there while the command's process imports Prefect and cleans the first batch, on another core.

The command's process sends each validation (`validate.validate_articles`, `validate_run`, `write_data_docs`)
here and waits for the answer, so the run does what it did, in the same order. The GX result identifiers come
back pickled (`Pickled`): unpickled, they would import GX in the command's process. The child ignores Ctrl-C (the
command handles it) and exits when told to or when its pipe closes (the command is gone, however it ended).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import traceback
from multiprocessing.connection import Connection, Pipe
from pathlib import Path
from typing import Any

from newsclean.pickled import Pickled

CALLS = ("validate_articles", "validate_run", "write_data_docs")  # what the process answers, from validate
STOP = "stop"


class ValidationBroken(RuntimeError):
    """The validation process is gone (killed, out of memory): the caller validates in its own process."""


class ValidationProcess:
    """A child interpreter that imports GX and builds the context and checkpoints of one validation folder at
    once, then answers calls. Started with this interpreter's sys.path, not as a multiprocessing child: that
    would run the command's main module again."""

    def __init__(self, validation_dir: Path, languages: tuple[str, ...] | None = None, bounds: Any = ()) -> None:
        self.connection, child = Pipe()
        bootstrap = (
            f"import sys; sys.path[:] = {sys.path!r}; from newsclean.validation_process import main; "
            f"main({child.fileno()})"
        )
        self.process = subprocess.Popen(
            [sys.executable, "-c", bootstrap], pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL
        )
        child.close()  # that end lives in the child only: its exit closes the pipe
        self.connection.send((str(validation_dir), languages, bounds))

    def call(self, name: str, *args: Any) -> Any:
        """`validate.<name>(*args)` in the process; raises what it raised, ValidationBroken if it is gone.
        Anything else interrupting the wait (Ctrl-C) stops the process: its answer would come to the next call."""
        try:
            self.connection.send((name, args))
            status, value = self.connection.recv()
        except (EOFError, OSError) as error:
            self.close()
            raise ValidationBroken(f"the validation process ended ({type(error).__name__})") from None
        except BaseException:
            self.close()
            raise
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """Tell the process to exit, and reap it."""
        with contextlib.suppress(OSError, ValueError):  # gone already, or closed
            self.connection.send((STOP, ()))
        self.connection.close()
        with contextlib.suppress(subprocess.TimeoutExpired):  # reaped (it exits at STOP), not waited for long
            self.process.wait(timeout=2)


def _sealed(answer: Any) -> Any:
    """An answer with its GX result identifiers pickled (an Outcome's `results`)."""
    if hasattr(answer, "results"):
        answer.results = [Pickled(result) for result in answer.results]
    return answer


def opened(values: list[Any]) -> list[Any]:
    """The values with those `Pickled` unpickled (a run's result identifiers, some from this process)."""
    return [value.value() if isinstance(value, Pickled) else value for value in values]


def _opened(args: tuple[Any, ...]) -> tuple[Any, ...]:
    """Call arguments with the result identifiers unpickled (write_data_docs' list)."""
    return tuple(opened(arg) if isinstance(arg, list) else arg for arg in args)


def main(fd: int) -> None:
    """The child: make GX ready for the folder it is sent first, then answer calls until told to stop or the
    pipe closes; exits without the interpreter's teardown (its collections of GX's objects take seconds)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    connection = Connection(fd)
    try:
        validation_dir, languages, bounds = connection.recv()
    except (EOFError, OSError):
        os._exit(0)
    from newsclean import validate

    with contextlib.suppress(Exception):  # a failure here comes again, with its traceback, in the first call
        validate.prepare_validation(Path(validation_dir), languages, bounds)
    while True:
        try:
            name, args = connection.recv()
        except (EOFError, OSError):
            break
        if name == STOP or name not in CALLS:
            break
        try:
            answer: tuple[str, Any] = ("ok", _sealed(getattr(validate, name)(*_opened(args))))
        except BaseException as error:  # the caller raises it
            answer = ("error", error)
        try:
            connection.send(answer)
        except Exception as error:  # an answer that does not pickle: said as text
            said = "".join(traceback.format_exception(answer[1])) if answer[0] == "error" else ""
            connection.send(("error", RuntimeError(f"validation process: {name}: {error}\n{said}")))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
