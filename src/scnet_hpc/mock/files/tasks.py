"""Background copy/move/remove: tasks that progress on the mock's clock.

A task's duration follows the bytes it touches (``RATE`` bytes per mock second, at least
``MIN_SECONDS``); its work happens when the clock passes its end, the first time the service
looks (every file call settles due tasks first). On a frozen clock a task stays ``RUNNING``
until the test advances time, so progress is deterministic.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..app.errors import ApiError

__all__ = ["FileTask", "TaskBoard"]

RATE = 64 * 1024 * 1024  # bytes per mock second
MIN_SECONDS = 2.0


@dataclass
class FileTask:
    task_id: str
    owner: tuple[int, str]  # (region id, cluster user)
    operation: str  # COPY, MOVE, REMOVE
    source: str
    target: str | None
    started: float
    seconds: float
    work: Callable[[], None]
    status: str = "RUNNING"  # RUNNING, SUCCESS, FAILED, CANCELED
    error_code: str | None = None
    error_msg: str | None = None

    def progress(self, now: float) -> float:
        if self.status != "RUNNING":
            return 100.0 if self.status == "SUCCESS" else 0.0
        return round(min(99.0, max(0.0, (now - self.started) / self.seconds * 100)), 1)

    def render(self, now: float) -> dict[str, Any]:
        return {
            "taskId": self.task_id,
            "operationType": self.operation,
            "status": self.status,
            "progress": self.progress(now),
            "sourcePath": self.source,
            "targetPath": self.target,
            "errorCode": self.error_code,
            "errorMsg": self.error_msg,
        }


class TaskBoard:
    """Every task of the deployment; ``settle`` runs the ones whose time has come."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._tasks: dict[str, FileTask] = {}

    def submit(
        self,
        owner: tuple[int, str],
        operation: str,
        source: str,
        target: str | None,
        size: int,
        now: float,
        work: Callable[[], None],
    ) -> FileTask:
        task = FileTask(
            task_id=uuid.uuid4().hex,
            owner=owner,
            operation=operation,
            source=source,
            target=target,
            started=now,
            seconds=max(MIN_SECONDS, size / RATE),
            work=work,
        )
        with self._lock:
            self._tasks[task.task_id] = task
        return task

    def settle(self, now: float) -> None:
        with self._lock:
            due = [
                t for t in self._tasks.values()
                if t.status == "RUNNING" and now >= t.started + t.seconds
            ]  # fmt: skip
            for task in sorted(due, key=lambda t: (t.started + t.seconds, t.task_id)):
                try:
                    task.work()
                    task.status = "SUCCESS"
                except ApiError as error:
                    task.status, task.error_code, task.error_msg = "FAILED", error.code, error.msg
                except OSError as error:
                    task.status, task.error_code = "FAILED", "10001"
                    task.error_msg = f"internal_error: {error.strerror or 'I/O error'}"

    def mine(self, owner: tuple[int, str], ids: list[str]) -> list[FileTask]:
        with self._lock:
            return [t for i in ids if (t := self._tasks.get(i)) is not None and t.owner == owner]

    def cancel(self, owner: tuple[int, str], ids: list[str]) -> None:
        with self._lock:
            for task in self.mine(owner, ids):
                if task.status == "RUNNING":
                    task.status = "CANCELED"
