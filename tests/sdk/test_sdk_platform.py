"""The user, the group, the cores and the platform's cross-region lists, against the mock."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import jwt
import pytest

from scnet_hpc import (
    AuthenticationError,
    Client,
    CoreState,
    InvalidArgumentError,
    JobSpec,
    JobState,
)
from scnet_hpc.models import GroupMember, MemberJob, PlatformHistoryJob, PlatformJob, UserInfo

from .sdk_helpers import MOCK_URL, ASGISyncTransport, Recorder, RecordingTransport

SHORT = JobSpec(command="sleep 20; echo hi", queue="debug", walltime=600)


def _claims(token: str) -> dict[str, Any]:
    return dict(jwt.decode(token, options={"verify_signature": False}))


def test_whoami_is_the_platform_user_in_the_clients_region(
    make_client: Callable[..., Client],
) -> None:
    client = make_client()
    user = client.whoami()
    assert isinstance(user, UserInfo)
    assert user.user_name == "demo"
    region = client.region_info()
    assert user.computer_center.startswith(region.name.split("(")[0].strip())


def test_core_state_adds_up_to_the_region_and_follows_a_running_job(
    make_client: Callable[..., Client], mock: Any
) -> None:
    client = make_client()
    before = client.core_state()
    assert isinstance(before, CoreState)
    assert before.used == 0
    assert before.free > 0
    assert before.total == before.free + before.unavailable
    assert [c.name for c in before.counts] == [
        "jobview_used_label", "jobview_unused_label", "jobview_unavailable_label"
    ]  # fmt: skip
    client.submit(JobSpec(command="sleep 600", queue="debug", walltime=900, nprocs=2))
    mock.clock.advance(5)
    after = client.core_state()
    assert after.used == 2
    assert after.free == before.free - 2
    assert after.total == before.total


def test_core_state_reads_the_documented_chinese_labels_and_keeps_unknown_ones() -> None:
    from scnet_hpc._platform import core_state
    from scnet_hpc.models import CoreStateCount

    state = core_state(
        [CoreStateCount("已使用", 21), CoreStateCount("未使用", 11), CoreStateCount("不可用", 1),
         CoreStateCount("reserved", 4)]
    )  # fmt: skip
    assert (state.used, state.free, state.unavailable) == (21, 11, 1)
    assert state.other == {"reserved": 4}
    assert state.total == 37


def test_group_members_and_a_members_jobs(
    make_client: Callable[..., Client], app: Any, mock: Any
) -> None:
    admin = make_client()
    members = admin.group_members()
    assert all(isinstance(m, GroupMember) for m in members)
    colleague = next(m for m in members if m.user_name == "colleague")
    # the colleague submits a job in their region
    other = make_client(user="colleague", access_key="colleague-access-key",
                        secret_key="colleague-secret-key")  # fmt: skip
    job = other.submit(SHORT)
    mock.clock.advance(3)
    jobs = admin.member_jobs(colleague)
    assert [j.id for j in jobs] == [job.id]
    assert isinstance(jobs[0], MemberJob)
    assert jobs[0].status == "statR"
    by_name = admin.member_jobs("colleague", group_id=colleague.group_id, region=11250)
    assert [j.id for j in by_name] == [job.id]
    with pytest.raises(InvalidArgumentError, match="group_id"):
        admin.member_jobs("colleague")
    with pytest.raises(AuthenticationError):  # colleague manages no group
        other.member_jobs("demo", group_id=colleague.group_id)


def test_platform_jobs_span_the_regions_and_use_the_platform_token(
    make_client: Callable[..., Client], mock: Any, recorder: Recorder
) -> None:
    client = make_client()
    here = client.submit(SHORT)
    wuhan = JobSpec(command="sleep 20", queue="wuhan_normal", walltime=600)
    elsewhere = make_client(region="20078").submit(wuhan)
    mock.clock.advance(3)
    rows = client.platform_jobs()
    assert all(isinstance(r, PlatformJob) for r in rows)
    assert {(str(r.cluster_id), r.job_id) for r in rows} == {
        ("11250", here.id), ("20078", elsewhere.id)
    }  # fmt: skip
    assert [r.job_id for r in client.platform_jobs(region=20078)] == [elsewhere.id]
    assert client.platform_jobs(state=JobState.QUEUED) == []
    assert len(client.platform_jobs(limit=1)) == 1
    platform_calls = [r for r in recorder.requests if r.url.path.endswith("/page-list")]
    assert platform_calls
    assert {_claims(r.headers["token"]).get("clusterId") for r in platform_calls} == {"0"}


def test_platform_history_pages_through_finished_jobs(
    make_client: Callable[..., Client], mock: Any, recorder: Recorder
) -> None:
    client = make_client()
    ids = {client.submit(SHORT).id for _ in range(3)}
    mock.clock.advance(120)
    rows = client.platform_history(page_size=2)
    assert all(isinstance(r, PlatformHistoryJob) for r in rows)
    assert {r.job_id for r in rows} == ids
    pages = [r for r in recorder.requests if r.url.path.endswith("/history/page-list")]
    assert len(pages) == 2  # 2 + 1 rows
    assert len(client.platform_history(limit=2, page_size=2)) == 2
    with pytest.raises(InvalidArgumentError, match="history"):
        client.platform_history(state=JobState.FAILED)


def test_from_password_signs_in_and_hides_the_password(
    app: Any, mock: Any, recorder: Recorder, caplog: pytest.LogCaptureFixture
) -> None:
    transport = RecordingTransport(ASGISyncTransport(app), recorder)
    kwargs: dict[str, Any] = {"platform_url": MOCK_URL, "transport": transport,
                              "clock": mock.clock.now, "sleep": mock.clock.advance}  # fmt: skip
    caplog.set_level("DEBUG", logger="scnet_hpc")
    with Client.from_password("demo", "demo-password", "demo-org-id", **kwargs) as client:
        assert client.whoami().user_name == "demo"
        assert client.clusters()
        assert "password" in repr(client)
        assert "demo-password" not in repr(client)
    sign_in = recorder.requests[0]
    assert (sign_in.method, sign_in.url.path) == ("POST", "/ac/openapi/v2/tokens")
    assert sign_in.headers["orgId"] == "demo-org-id"
    assert "demo-password" not in caplog.text
    with (
        pytest.raises(AuthenticationError) as refused,
        Client.from_password("demo", "wrong", "demo-org-id", **kwargs) as client,
    ):
        client.clusters()
    assert refused.value.code == "10009"


@pytest.mark.parametrize(
    ("args", "named"),
    [(("", "p", "o"), "user"), (("u", "", "o"), "password"), (("u", "p", " "), "org_id")],
)
def test_from_password_refuses_blank_arguments_before_sending(
    args: tuple[str, str, str], named: str
) -> None:
    from scnet_hpc import ConfigurationError

    with pytest.raises(ConfigurationError, match=named):
        Client.from_password(*args)
