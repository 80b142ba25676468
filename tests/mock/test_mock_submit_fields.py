"""The submit rules both engines share for job names and paths (issue 12, items 6 and 7).

Slurm's job completion log writes ``Name`` and ``WorkDir`` unescaped, so whitespace or a newline
there forges history lines, and a ``/`` in a name lets ``%x`` climb out of the home. These run on
the simulated engine; tests/slurm/test_slurm_hardening.py runs the same requests on Slurm.
"""

from __future__ import annotations

import pytest

from .mock_contract import Api

HOME = "/public/home/demo"


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("GAP_JOB_NAME", "../../../../../etc/cron.d/evil", "must not contain '/'"),
        ("GAP_JOB_NAME", "a/b", "must not contain '/'"),
        ("GAP_JOB_NAME", "x\nJobId=41 JobState=COMPLETED", "whitespace or control"),
        ("GAP_JOB_NAME", "two words", "whitespace or control"),
        ("GAP_JOB_NAME", "tab\there", "whitespace or control"),
        ("GAP_JOB_NAME", "bell\x07", "whitespace or control"),
        ("GAP_WORK_DIR", f"{HOME}/x JobId=41 JobState=COMPLETED", "whitespace or control"),
        ("GAP_WORK_DIR", f"{HOME}/x\nJobId=41", "whitespace or control"),
        ("GAP_WORK_DIR", f"{HOME}/nul\x00", "whitespace or control"),
        ("GAP_STD_OUT_FILE", f"{HOME}/out\n%j", "control characters"),
        ("GAP_STD_ERR_FILE", f"{HOME}/err\r%j", "control characters"),
    ],
)
def test_names_and_paths_that_could_forge_history_are_10004_naming_the_field(
    api: Api, field: str, value: str, fragment: str
) -> None:
    body = api.submit(**{field: value})
    assert body["code"] == "10004", body
    assert f"mapAppJobInfo.{field}" in body["msg"]
    assert fragment in body["msg"]


def test_ordinary_names_and_paths_still_pass(api: Api) -> None:
    job_id = api.submit_ok(
        GAP_JOB_NAME="STDIN_0910_094758.v2-名字",
        GAP_WORK_DIR=f"{HOME}/BASE/STDIN_1210_114429",
        GAP_STD_OUT_FILE=f"{HOME}/BASE/out file %x.%j",  # spaces are fine in output names
    )
    assert job_id.isdigit()


@pytest.mark.parametrize("value", ["²", "¹²", "½"])
def test_digit_like_characters_that_are_not_numbers_are_10004(api: Api, value: str) -> None:
    """Found by the fuzz drill: ``"²".isdigit()`` is true but ``int("²")`` fails (was 10001)."""
    body = api.submit(GAP_NNODE=value)
    assert body["code"] == "10004", body
    assert "mapAppJobInfo.GAP_NNODE" in body["msg"]
