"""JobSpec: the GAP_* rules are checked before anything is sent, with the field named."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from scnet_hpc import InvalidJobSpec, JobSpec, format_walltime

BASE: dict[str, Any] = {"command": "hostname", "queue": "debug", "walltime": "00:10:00"}


def spec(**overrides: Any) -> JobSpec:
    return JobSpec(**{**BASE, **overrides})


def problems(**overrides: Any) -> dict[str, str]:
    with pytest.raises(InvalidJobSpec) as caught:
        spec(**overrides)
    return dict(caught.value.problems)


def test_minimal_spec_gives_every_required_key_as_strings() -> None:
    gap = spec().to_gap(home_path="/public/home/demo", now=1_764_597_591)
    assert gap == {
        "GAP_CMD_FILE": "hostname",
        "GAP_SUBMIT_TYPE": "cmd",
        "GAP_QUEUE": "debug",
        "GAP_WALL_TIME": "00:10:00",
        "GAP_APPNAME": "BASE",
        "GAP_JOB_NAME": "STDIN_1201_215951",  # China time of the timestamp
        "GAP_WORK_DIR": "/public/home/demo",
        "GAP_STD_OUT_FILE": "/public/home/demo/std.out.%j",
        "GAP_STD_ERR_FILE": "/public/home/demo/std.err.%j",
        "GAP_NNODE": "1",
        "GAP_PPN": "1",
    }
    assert all(isinstance(v, str) for v in gap.values())


def test_friendly_names_map_to_gap_keys() -> None:
    gap = spec(
        nodes=2,
        nprocs=64,
        job_name="run1",
        work_dir="/work/home/u/run1/",
        gpus=0,
        dcus=4,
        memory=4000,
        exclusive=True,
        stdout="/work/home/u/out.%j",
        array_size=10,
        app_name="VASP",
        extra={"GAP_CUSTOM": 7, "GAP_OTHER": "x"},
    ).to_gap()
    assert gap["GAP_NNODE"] == "2"
    assert gap["GAP_NPROC"] == "64"
    assert "GAP_PPN" not in gap
    assert gap["GAP_WORK_DIR"] == "/work/home/u/run1"
    assert gap["GAP_NGPU"] == "0"
    assert gap["GAP_NDCU"] == "4"
    assert gap["GAP_JOB_MEM"] == "4000MB"
    assert gap["GAP_EXCLUSIVE"] == "1"
    assert gap["GAP_STD_OUT_FILE"] == "/work/home/u/out.%j"
    assert gap["GAP_STD_ERR_FILE"] == "/work/home/u/run1/std.err.%j"
    assert gap["GAP_MULTI_SUB"] == "10"
    assert gap["GAP_APPNAME"] == "VASP"
    assert gap["GAP_CUSTOM"] == "7"
    assert gap["GAP_OTHER"] == "x"


def test_node_list_sends_an_empty_node_count() -> None:
    gap = spec(node_list=["node01", "node02"], ppn=4).to_gap(home_path="/h")
    assert gap["GAP_NODE_STRING"] == "node01,node02"
    assert gap["GAP_NNODE"] == ""
    assert gap["GAP_PPN"] == "4"


@pytest.mark.parametrize(
    ("overrides", "field", "fragment"),
    [
        ({"command": ""}, "command", "empty"),
        ({"command": None}, "command", "required"),
        ({"queue": "  "}, "queue", "empty"),
        ({"walltime": None}, "walltime", "required"),
        ({"walltime": "1:00"}, "walltime", "HH:MM:SS"),
        ({"walltime": "01:60:00"}, "walltime", "below 60"),
        ({"walltime": 0}, "walltime", "positive"),
        ({"walltime": True}, "walltime", "boolean"),
        ({"walltime": "41-16:00:00"}, "walltime", "999"),
        ({"nodes": 2, "node_list": "n1"}, "nodes", "not both"),
        ({"ppn": 2, "nprocs": 4}, "ppn", "not both"),
        ({"nodes": 0}, "nodes", "positive"),
        ({"nodes": "2"}, "nodes", "whole number"),
        ({"ppn": True}, "ppn", "whole number"),
        ({"gpus": -1}, "gpus", ">= 0"),
        ({"node_list": []}, "node_list", "at least one"),
        ({"memory": "lots"}, "memory", "4GB"),
        ({"memory": 0}, "memory", "positive"),
        ({"work_dir": "relative/dir"}, "work_dir", "absolute"),
        ({"exclusive": "yes"}, "exclusive", "True or False"),
        ({"extra": {"queue": "x"}}, "extra['queue']", "GAP_NAME"),
        ({"extra": {"GAP_QUEUE": "other"}}, "extra['GAP_QUEUE']", "conflicts with queue"),
        ({"extra": {"GAP_X": None}}, "extra['GAP_X']", "string or a number"),
        ({"extra": {"GAP_X": True}}, "extra['GAP_X']", "string or a number"),
        ({"extra": ["GAP_X"]}, "extra", "mapping"),
    ],
)
def test_bad_specs_name_the_field(overrides: dict[str, Any], field: str, fragment: str) -> None:
    found = problems(**overrides)
    assert field in found, found
    assert fragment in found[field]


def test_all_problems_are_reported_at_once() -> None:
    with pytest.raises(InvalidJobSpec) as caught:
        JobSpec(command="", queue="", walltime="bad", nodes=-1)
    assert set(caught.value.fields) >= {"command", "queue", "walltime", "nodes"}
    assert isinstance(caught.value, ValueError)
    assert "walltime" in str(caught.value)


def test_extra_may_set_keys_whose_field_is_unset() -> None:
    gap = spec(extra={"GAP_NODE_STRING": "n1", "GAP_NNODE": ""}).to_gap(home_path="/h")
    assert gap["GAP_NODE_STRING"] == "n1"
    assert gap["GAP_NNODE"] == ""
    gap = spec(extra={"GAP_WORK_DIR": "/scratch/x"}).to_gap()
    assert gap["GAP_STD_OUT_FILE"] == "/scratch/x/std.out.%j"


def test_rules_are_checked_again_after_merging_extra() -> None:
    with pytest.raises(InvalidJobSpec, match="GAP_NPROC/GAP_PPN"):
        spec(ppn=2, extra={"GAP_NPROC": "4"}).to_gap(home_path="/h")
    with pytest.raises(InvalidJobSpec, match="work_dir: is required"):
        spec().to_gap(home_path=None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("24:00:00", "24:00:00"),
        ("1-02:03:04", "26:03:04"),
        (3600, "01:00:00"),
        (90.2, "00:01:31"),
        (timedelta(days=2, minutes=1), "48:01:00"),
    ],
)
def test_walltime_forms(value: Any, expected: str) -> None:
    assert format_walltime(value) == expected
    assert spec(walltime=value).to_gap(home_path="/h")["GAP_WALL_TIME"] == expected
