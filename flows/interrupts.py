"""What SIGINT (Ctrl-C) and SIGTERM (kill, systemd, docker stop) do to a run: every signal handler is here.

Prefect already ends the flow run Crashed on either: SIGINT raises KeyboardInterrupt, and inside the flow
Prefect's `capture_sigterm` turns SIGTERM into `TerminationSignal`. What this module adds around it:

- A terminal's Ctrl-C goes to its whole foreground process group. The temporary Prefect server is started
  with SIGINT blocked (`start_temporary_server`), so it stays up to record the Crashed state (stopped, it left
  the run Running behind minutes of "Error logging to API"); the pool's workers ignore SIGINT
  (`ignore_interrupts`): the flow process decides, and stops them (`interruptible`) rather than wait for the
  batches they are cleaning.
- A signal's exception is raised wherever the main thread is, and library code may catch it and raise another
  error (pydantic, serializing a task's context, raised PydanticSerializationError: the run ended Failed, exit
  1). Every signal is noted as it comes, so such an error still counts as the interrupt (`interrupt_signal`),
  inside the flow too (`interruptible` raises the interrupt again from it).
- A batch's writes and commit defer both signals to their end (`deferred`), so an interrupted run leaves each
  batch written whole or not at all, and the next run resumes after the last one committed.
- Outside the flow (before and after it) SIGTERM raises like inside it (`interrupts_raise`), so the command
  ends through its `finally` blocks (the output's lock is released) with one line and exit 143.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from types import FrameType
from typing import Any

from prefect.exceptions import TerminationSignal

INTERRUPTS = (signal.SIGINT, signal.SIGTERM)
# the shell's convention: 128 + the signal's number
EXIT_STATUS = {signal.SIGINT: 130, signal.SIGTERM: 143}
CHILD_STOP_SECONDS = 5  # a terminated worker that has not exited by then is killed


_noted: list[signal.Signals] = []  # the interrupts received since `interrupts_raise` or `interruptible` began


def _note(signum: int) -> None:
    _noted.append(signal.Signals(signum))


def interrupt_signal(error: BaseException) -> signal.Signals | None:
    """The signal that ended what raised `error`: KeyboardInterrupt's SIGINT, a TerminationSignal's own, or,
    for another error, an interrupt received meanwhile (a library turned its exception into that error)."""
    if isinstance(error, KeyboardInterrupt):
        return signal.SIGINT
    if isinstance(error, TerminationSignal):
        return signal.Signals(error.signal)
    return _noted[0] if _noted else None


def interrupt_error(signum: signal.Signals) -> BaseException:
    """The exception an interrupt raises: KeyboardInterrupt for SIGINT, Prefect's TerminationSignal else."""
    return KeyboardInterrupt() if signum == signal.SIGINT else TerminationSignal(signal=signum)


def _raise_termination(signum: int, frame: FrameType | None) -> None:
    _note(signum)
    raise TerminationSignal(signal=signum)


@contextmanager
def interrupts_raise() -> Iterator[None]:
    """For the whole command, in the main thread: SIGTERM raises `TerminationSignal` as Prefect's handler does
    within a flow (whose handler, on leaving the flow, sends the signal again to the one it replaced: this
    one), SIGINT KeyboardInterrupt as always; both are noted (`interrupt_signal`)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _noted.clear()
    with _handled({signal.SIGTERM: lambda _: _raise_termination, signal.SIGINT: _noting}):
        yield


@contextmanager
def start_temporary_server() -> Iterator[None]:
    """Start Prefect's temporary server, when no PREFECT_API_URL is set, from a thread blocking SIGINT: the
    server process inherits the blocked signal, so a terminal's Ctrl-C leaves it running for the flow to report
    its end to. Prefect reuses this server for the run (one per process) and stops it at exit.

    What runs inside the block runs while the server starts (its start is a wait: the command imports and
    prepares validation meanwhile); leaving the block waits for the server to answer and raises its failure.
    The main thread keeps SIGINT, so a Ctrl-C while the server starts still ends the command."""
    from prefect.settings import PREFECT_API_URL

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    failure: list[BaseException] = []

    def start() -> None:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            SubprocessASGIServer().start()
        except BaseException as error:  # handed to the main thread: the CLI reads a start timeout there
            failure.append(error)

    starter = threading.Thread(target=start, name="start-prefect-server", daemon=True)
    starter.start()
    yield
    starter.join()
    if failure:
        raise failure[0]


def ignore_interrupts() -> None:
    """In a pool worker: a terminal's Ctrl-C reaches it too, and would break the pool; the flow decides."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def interruptible() -> Iterator[None]:
    """Where a run cleans and settles its batches. SIGINT and SIGTERM are noted before the handlers in place
    act on them (raise). On an interrupt, this process's multiprocessing children (the pool's workers, an
    isolated batch's process) are terminated at once: their pools would otherwise wait for the batches they
    are cleaning, which the next run cleans again anyway. An error raised meanwhile is raised again as the
    interrupt, so Prefect records the flow run as Crashed by it."""
    _noted.clear()
    with _handled(dict.fromkeys(INTERRUPTS, _noting)):
        try:
            yield
            raise_if_interrupted()  # an interrupt whose exception something swallowed
        except BaseException as error:
            interrupt = interrupt_signal(error)
            if interrupt is None:
                raise
            _stop_children()
            if isinstance(error, KeyboardInterrupt | TerminationSignal):
                raise
            raise interrupt_error(interrupt) from error


def raise_if_interrupted() -> None:
    """At a safe point of the run: an interrupt received whose exception something swallowed is raised here."""
    if _noted:
        raise interrupt_error(_noted[0])


def _noting(handler: Any) -> Any:
    """A handler noting the interrupt before `handler` acts on it; None (left as it is) for an ignored one: an
    interrupt ignored by whoever started us stays ignored."""
    if handler == signal.SIG_IGN:
        return None

    def noted(signum: int, frame: FrameType | None) -> None:
        _note(signum)
        _act_on(signum, handler)

    return noted


def _stop_children() -> None:
    children = multiprocessing.active_children()
    for child in children:
        child.terminate()
    for child in children:
        child.join(CHILD_STOP_SECONDS)
        if child.is_alive():
            child.kill()


@contextmanager
def deferred() -> Iterator[None]:
    """SIGINT and SIGTERM received inside are acted on when it ends, by the handlers they had before (which
    raise KeyboardInterrupt, TerminationSignal), so what is inside runs whole. Main thread only (elsewhere
    signals are not delivered to Python code), a no-op in other threads."""
    received: list[int] = []

    def record(signum: int, frame: FrameType | None) -> None:
        received.append(signum)

    try:
        with _handled(dict.fromkeys(INTERRUPTS, lambda _: record)) as previous:
            yield
    finally:
        if received:
            _act_on(received[0], previous[received[0]])


@contextmanager
def _handled(handlers: Mapping[int, Callable[[Any], Any]]) -> Iterator[dict[int, Any]]:
    """Each signal handled inside by what its function makes of the handler in place (None: left as it is),
    that one restored at the end; yields those replaced. Main thread only (elsewhere signals are not delivered
    to Python code), a no-op in other threads."""
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for number, make in handlers.items():
            if (handler := make(signal.getsignal(number))) is not None:
                previous[number] = signal.signal(number, handler)
    try:
        yield previous
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def _act_on(signum: int, handler: Any) -> None:
    """What `handler` (as `signal.getsignal` gives it) would have done on receiving `signum`."""
    if callable(handler):
        handler(signum, None)
    elif handler == signal.SIG_DFL:
        os.kill(os.getpid(), signum)
