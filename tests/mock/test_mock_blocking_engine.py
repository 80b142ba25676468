"""One slow engine call must not stall every other client (issue: the Slurm engine's commands
take up to 20 s, its cancel sleeps up to 3 s, and they ran on the event loop).

An engine that says it blocks is called from worker threads. Checked by order, not by time: a
realtime list call is held inside the engine until the test lets it go, and meanwhile another
client's call must be answered. Were the held call on the event loop, nothing else could run
until it gave up waiting, and the other answer would come after it.
"""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from scnet_hpc.mock import Clock, create_app, load_deployment
from scnet_hpc.mock.engines.base import JobRecord, engine_blocks
from scnet_hpc.mock.engines.simulated.engine import SimulatedEngine
from scnet_hpc.mock.testing import asgi_client

HELD_AT_MOST = 10.0  # s; only reached when the held call blocks the loop (the failure)


class HeldEngine(SimulatedEngine):
    """The simulated engine, except that ``realtime_jobs`` waits until ``release`` is set."""

    def __init__(self, *args: Any, blocking: bool, hold: float = HELD_AT_MOST) -> None:
        super().__init__(*args)
        self.blocking = blocking
        self.hold = hold
        self.entered = threading.Event()
        self.release = threading.Event()
        self.order: list[str] = []

    def realtime_jobs(self, scheduler_id: int, *, user: str | None = None) -> list[JobRecord]:
        self.entered.set()
        self.release.wait(self.hold)
        self.order.append("held call returned")
        return super().realtime_jobs(scheduler_id, user=user)


async def _race(engine: HeldEngine) -> list[str]:
    deployment = load_deployment(None)
    app = create_app(deployment, clock=Clock(speed=0), engine=engine)
    mock = app.state.mock
    headers = {"token": mock.mint_token()}
    sid = mock.scheduler_id
    async with asgi_client(app) as client:

        async def held() -> None:
            answer = await client.get(
                "/hpc/openapi/v2/jobs", params={"strClusterIDList": sid}, headers=headers
            )
            assert answer.json()["code"] == "0"

        async def other() -> None:
            while not engine.entered.is_set():  # start once the held call is inside the engine
                await asyncio.sleep(0.01)
            answer = await client.get(
                "/hpc/openapi/v2/queuenames/users/demo",
                params={"strJobManagerID": sid},
                headers=headers,
            )
            assert answer.json()["code"] == "0", answer.text
            engine.order.append("other client answered")
            engine.release.set()

        await asyncio.wait_for(asyncio.gather(held(), other()), 4 * HELD_AT_MOST)
    return engine.order


def test_a_blocking_engine_call_does_not_stall_other_clients() -> None:
    engine = HeldEngine(load_deployment(None), Clock(speed=0), blocking=True)
    assert engine_blocks(engine)
    order = asyncio.run(_race(engine))
    assert order == ["other client answered", "held call returned"]


def test_the_check_fails_when_the_engine_runs_on_the_loop() -> None:
    # the same race with an engine that says it does not block: the held call stalls the
    # loop until it gives up waiting, and only then is the other client answered
    engine = HeldEngine(load_deployment(None), Clock(speed=0), blocking=False, hold=1.0)
    order = asyncio.run(_race(engine))
    assert order == ["held call returned", "other client answered"]


def test_engines_say_whether_they_block() -> None:
    from scnet_hpc.mock.engines.slurm.engine import SlurmEngine

    assert SlurmEngine.blocking is True
    assert SimulatedEngine.blocking is False
    assert engine_blocks(object())  # an engine that does not say is taken to block
