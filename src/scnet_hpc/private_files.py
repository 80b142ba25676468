"""Small private files that several processes update: the token cache and the CLI's profiles.

Two ``scnet-hpc login`` runs at once each read the file, change their part and write it back;
without a lock the second write drops the first one's change. So every read-modify-write holds
an exclusive lock (``locked``) on a ``<name>.lock`` file next to the data, the data is written to
a 0600 temporary file renamed over it (``write_private``: readers never see half a file, the
content is never readable by others), and the directory is made private (``private_dir``).

The lock is ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, both in the standard
library: a lock is about twenty lines, not worth a core dependency (``filelock``) for every SDK
user. Both are released by the OS when a process dies, so a crash never leaves a stale lock; the
lock files themselves stay (removing one while another process waits on it would break the lock).

Public (no underscore) because the CLI, the SDK's first user, keeps its profiles with it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from ._logging import logger

__all__ = ["LOCK_TIMEOUT", "OWN_DIRECTORY", "locked", "private_dir", "write_private"]

#: Longest wait for another process's read-modify-write (each takes milliseconds).
LOCK_TIMEOUT = 10.0
#: The directories scnet-hpc owns outright (``~/.config/scnet-hpc``, ``~/.cache/scnet-hpc``):
#: these are tightened to 0700; any other directory is the user's, and is only warned about.
OWN_DIRECTORY = "scnet-hpc"

_warned: set[Path] = set()

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


@contextlib.contextmanager
def locked(path: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the exclusive lock of ``path`` (on ``<path>.lock``) for a read-modify-write."""
    private_dir(path.parent)
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise TimeoutError(
                    errno.ETIMEDOUT,
                    f"another process held the lock for over {timeout:g} s",
                    str(lock_path),
                )
            time.sleep(0.01)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)


def _try_lock(fd: int) -> bool:
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, errno.EDEADLK):
            return False
        raise
    return True


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:  # pragma: no cover - Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def write_private(path: Path, text: str) -> None:
    """Write ``text`` via a 0600 temporary file renamed over ``path``: never a readable
    half-file. Call it inside ``locked(path)`` when the text came from reading ``path``."""
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        if hasattr(os, "fchmod"):  # mkstemp already creates 0600 files on POSIX
            os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    os.chmod(path, 0o600)


def private_dir(directory: Path) -> None:
    """Create ``directory`` (0700); an existing one that others may use is tightened when it is
    scnet-hpc's own (``OWN_DIRECTORY``), else warned about when others may write to it.

    The files in it are 0600 either way; what a loose directory gives away is its listing, and,
    when others can write to it, the power to replace a file (a profile pointing the CLI, and
    its tokens, at another server).
    """
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        return
    info = directory.stat()
    mode = stat.S_IMODE(info.st_mode)
    if not mode & 0o077:
        return
    if directory.name == OWN_DIRECTORY and info.st_uid == os.geteuid():
        os.chmod(directory, 0o700)
        logger.warning(
            "%s was accessible to other users (mode %s); tightened to 0700", directory, oct(mode)
        )
    elif mode & 0o022 and not mode & stat.S_ISVTX and directory not in _warned:
        _warned.add(directory)
        logger.warning(
            "%s is writable by other users (mode %s): they could replace the files scnet-hpc "
            "keeps there; use a private directory",
            directory,
            oct(mode),
        )
