"""Which OS user an API account is on the machine, for whatever acts on the machine for it.

The Slurm engine runs an account's jobs as the account's ``os_user`` (``make slurm-up`` creates
the shipped ones: ``scnet-demo``, ``scnet-other``), so one API user's job cannot read another's
files, and nothing runs as root. Anything else that touches files for an account (the file
service) should act as the same user: ``os_account(account)`` says who that is, and
``home_ready`` checks (and if need be creates) the account's home, owned by that user.

A deployment that names no ``os_user`` for an account leaves it as the mock's own OS user;
the Slurm engine refuses that when the mock runs as root.
"""

from __future__ import annotations

import os
import pwd
import stat
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass

from .model import DeploymentError, RegionAccount

__all__ = ["OsAccount", "OsUserError", "home_ready", "make_dirs_as", "os_account"]


class OsUserError(DeploymentError):
    """An account's OS user is missing, privileged, or cannot own the account's home."""


@dataclass(frozen=True)
class OsAccount:
    """An API account as an OS user: ``home`` is the account's home in the deployment (where the
    API confines its paths), ``login_home`` the OS user's own (``/etc/passwd``)."""

    name: str
    uid: int
    gid: int
    groups: tuple[int, ...]
    home: str
    login_home: str


def os_account(account: RegionAccount) -> OsAccount | None:
    """The OS user ``account`` acts as, or None when the deployment names none. Raises
    OsUserError (one line, naming the fix) when that user does not exist or is root."""
    if not account.os_user:
        return None
    try:
        pw = pwd.getpwnam(account.os_user)
    except KeyError:
        raise OsUserError(
            f"OS user {account.os_user} (of account {account.cluster_user}) does not exist: "
            "run `make slurm-up` (it creates scnet-demo and scnet-other) or useradd it"
        ) from None
    if pw.pw_uid == 0 or pw.pw_gid == 0:
        raise OsUserError(
            f"OS user {account.os_user} of account {account.cluster_user} is privileged "
            f"(uid {pw.pw_uid}, gid {pw.pw_gid}); jobs must not run as root"
        )
    return OsAccount(
        name=pw.pw_name,
        uid=pw.pw_uid,
        gid=pw.pw_gid,
        groups=tuple(os.getgrouplist(pw.pw_name, pw.pw_gid)),
        home=account.home,
        login_home=pw.pw_dir,
    )


def make_dirs_as(user: OsAccount, paths: Sequence[str], *, mode: str | None = None) -> str:
    """Create ``paths`` (and missing parents) as ``user`` (the caller must be root), so they
    are the user's and a symlink the user swapped in leads only where the user may write
    anyway. Returns "" on success, else mkdir's complaint."""
    argv = ["mkdir", "-p", *(["-m", mode] if mode else []), "--", *paths]
    try:
        proc = subprocess.run(  # noqa: S603 - a list, paths after --
            argv,
            capture_output=True,
            text=True,
            check=False,
            timeout=30,
            user=user.uid,
            group=user.gid,
            extra_groups=list(user.groups),
            cwd="/",
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"mkdir as {user.name}: {exc}"
    return "" if proc.returncode == 0 else proc.stderr.strip()[:500] or "mkdir failed"


def home_ready(user: OsAccount) -> None:
    """Make sure ``user.home`` exists, is a directory owned by ``user`` and is closed to
    others (created as ``user`` when missing, so its parents must let ``user`` in).
    Raises OsUserError naming what is wrong."""
    if not os.path.lexists(user.home):
        problem = make_dirs_as(user, [user.home], mode="700")
        if problem:
            raise OsUserError(
                f"cannot create home {user.home} as {user.name}: {problem} "
                f"(use a home under {user.login_home}, or create it owned by {user.name})"
            )
    st = os.lstat(user.home)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != user.uid:
        raise OsUserError(
            f"home {user.home} must be a directory owned by {user.name} (uid {user.uid}); "
            f"it is owned by uid {st.st_uid}: chown it, or use a home under {user.login_home}"
        )
    if st.st_mode & 0o077:  # by descriptor: the user may have swapped in a symlink meanwhile
        fd = os.open(user.home, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            if os.fstat(fd).st_uid == user.uid:
                os.fchmod(fd, 0o700)
        finally:
            os.close(fd)
