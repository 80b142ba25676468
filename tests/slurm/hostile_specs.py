"""Hostile job specs for the fuzz drill of issue 12: what an attacker or a careless script puts in
``mapAppJobInfo``. Plain data with no test imports, so the simulated engine's drill (and a
future shared table) can import it: ``HOSTILE_SPECS`` holds ``(label, overrides)`` pairs, where
``{home}`` in a value stands for the caller's home; ``hostile_specs(home)`` fills it in.

Every spec must be answered over HTTP 200 with code ``0`` (the job is accepted and harmless),
``10003``/``10004`` (malformed: the message names the field) or ``10001`` with the scheduler's
own refusal (``exitcode:1, errorinfo: ...``), never ``internal_error`` and never a 5xx.
"""

from __future__ import annotations

__all__ = ["HOSTILE_SPECS", "hostile_specs"]

_LONG = "a" * 5000
_UNICODE = "名字💥\u202e\ufeff"

HOSTILE_SPECS: list[tuple[str, dict[str, str]]] = [
    # ---- huge, negative and odd numbers
    ("nnode huge", {"GAP_NNODE": "9" * 40}),
    ("nnode negative", {"GAP_NNODE": "-1"}),
    ("nnode zero", {"GAP_NNODE": "0"}),
    ("nnode float", {"GAP_NNODE": "1.5"}),
    ("nnode exponent", {"GAP_NNODE": "1e9"}),
    ("nnode fullwidth digit", {"GAP_NNODE": "１"}),
    ("nnode arabic digit", {"GAP_NNODE": "٣"}),
    ("nnode superscript", {"GAP_NNODE": "²"}),
    ("ppn 9 digits", {"GAP_PPN": "999999999"}),
    ("ppn with percent", {"GAP_PPN": "1%"}),
    ("nproc huge", {"GAP_PPN": "", "GAP_NPROC": "9" * 30}),
    ("ngpu many", {"GAP_NGPU": "99"}),
    ("ndcu huge", {"GAP_NDCU": "9" * 20}),
    ("memory huge GB", {"GAP_JOB_MEM": "999999999GB"}),
    ("memory terabytes", {"GAP_JOB_MEM": "4000TB"}),
    ("memory negative", {"GAP_JOB_MEM": "-5MB"}),
    ("memory two dots", {"GAP_JOB_MEM": "1.5.5GB"}),
    ("array huge", {"GAP_MULTI_SUB": "99999999"}),
    ("array negative", {"GAP_MULTI_SUB": "-3"}),
    ("exclusive 2", {"GAP_EXCLUSIVE": "2"}),
    ("exclusive yes", {"GAP_EXCLUSIVE": "yes"}),
    # ---- walltimes
    ("walltime zero", {"GAP_WALL_TIME": "00:00:00"}),
    ("walltime over the queue", {"GAP_WALL_TIME": "1-00:00:00"}),
    ("walltime huge days", {"GAP_WALL_TIME": "99999999-00:00:00"}),
    ("walltime huge hours", {"GAP_WALL_TIME": "999:59:59"}),
    ("walltime negative", {"GAP_WALL_TIME": "-1:00:00"}),
    ("walltime seconds 60", {"GAP_WALL_TIME": "00:00:60"}),
    ("walltime words", {"GAP_WALL_TIME": "forever"}),
    # ---- node ranges (the largest are left to the size cap of item 3)
    ("nodes big range", {"GAP_NNODE": "", "GAP_NODE_STRING": "vm[00000-99999]"}),
    ("nodes backwards", {"GAP_NNODE": "", "GAP_NODE_STRING": "vm[5-1]"}),
    ("nodes letters", {"GAP_NNODE": "", "GAP_NODE_STRING": "vm[a-b]"}),
    ("nodes empty brackets", {"GAP_NNODE": "", "GAP_NODE_STRING": "[]"}),
    ("nodes unknown", {"GAP_NNODE": "", "GAP_NODE_STRING": "nosuchnode"}),
    ("nodes commas", {"GAP_NNODE": "", "GAP_NODE_STRING": "vm,,vm"}),
    ("nodes option", {"GAP_NNODE": "", "GAP_NODE_STRING": "--uid=0"}),
    # ---- paths
    ("workdir root", {"GAP_WORK_DIR": "/"}),
    ("workdir etc", {"GAP_WORK_DIR": "/etc"}),
    ("workdir climbs", {"GAP_WORK_DIR": "{home}/../.."}),
    ("workdir relative", {"GAP_WORK_DIR": "relative/dir"}),
    ("workdir long", {"GAP_WORK_DIR": "{home}/" + _LONG}),
    ("workdir deep", {"GAP_WORK_DIR": "{home}/" + "d/" * 400}),
    ("workdir unicode", {"GAP_WORK_DIR": "{home}/" + _UNICODE}),
    ("workdir nul", {"GAP_WORK_DIR": "{home}/x\x00y"}),
    ("workdir newline", {"GAP_WORK_DIR": "{home}/x\nJobId=1"}),
    ("workdir space", {"GAP_WORK_DIR": "{home}/x JobId=1 JobState=COMPLETED"}),
    ("workdir shell", {"GAP_WORK_DIR": "{home}/$(id)`id`"}),
    ("stdout passwd", {"GAP_STD_OUT_FILE": "/etc/passwd"}),
    ("stdout climbs", {"GAP_STD_OUT_FILE": "{home}/../../../etc/x"}),
    ("stdout %x climbs", {"GAP_STD_OUT_FILE": "{home}/%x/evil", "GAP_JOB_NAME": ".."}),
    ("stdout huge pad", {"GAP_STD_OUT_FILE": "{home}/o%999999999j"}),
    ("stdout many codes", {"GAP_STD_OUT_FILE": "{home}/" + "%j" * 1000}),
    ("stdout percents", {"GAP_STD_OUT_FILE": "{home}/" + "%" * 1001}),
    ("stdout %N folder", {"GAP_STD_OUT_FILE": "{home}/%N/out"}),
    ("stderr carriage return", {"GAP_STD_ERR_FILE": "{home}/e\r%j"}),
    ("stderr unicode", {"GAP_STD_ERR_FILE": "{home}/" + _UNICODE + "%j"}),
    # ---- names, queues, scripts
    ("name long", {"GAP_JOB_NAME": _LONG}),
    ("name unicode", {"GAP_JOB_NAME": _UNICODE * 100}),
    ("name dot dot", {"GAP_JOB_NAME": ".."}),
    ("name slash", {"GAP_JOB_NAME": "../../../../../etc/cron.d/evil"}),
    ("name option", {"GAP_JOB_NAME": "--uid=0"}),
    ("name newline", {"GAP_JOB_NAME": "x\nJobId=41"}),
    ("name control", {"GAP_JOB_NAME": "x\x1b[2J"}),
    ("name patterns", {"GAP_JOB_NAME": "%x%j%u%%"}),
    ("queue unknown", {"GAP_QUEUE": "nope"}),
    ("queue list", {"GAP_QUEUE": "debug,normal"}),
    ("queue long", {"GAP_QUEUE": _LONG}),
    ("queue option", {"GAP_QUEUE": "--uid=0"}),
    ("submit type other", {"GAP_SUBMIT_TYPE": "exec"}),
    ("script file shadow", {"GAP_SUBMIT_TYPE": "file", "GAP_CMD_FILE": "/etc/shadow"}),
    ("script file climbs", {"GAP_SUBMIT_TYPE": "file", "GAP_CMD_FILE": "../../../etc/shadow"}),
    ("script file missing", {"GAP_SUBMIT_TYPE": "file", "GAP_CMD_FILE": "{home}/none.sh"}),
    ("script file dev", {"GAP_SUBMIT_TYPE": "file", "GAP_CMD_FILE": "/dev/zero"}),
    ("command nul", {"GAP_CMD_FILE": "echo \x00"}),
    ("command large", {"GAP_CMD_FILE": "#" * 600_000}),
    ("command too large", {"GAP_CMD_FILE": "#" * 1_100_000}),
    ("unknown key", {"GAP_EVIL": "--uid=0"}),
    ("option-like key", {"--uid": "0"}),
]


def hostile_specs(home: str) -> list[tuple[str, dict[str, str]]]:
    """``HOSTILE_SPECS`` with ``{home}`` replaced by ``home``."""
    return [
        (label, {k: v.replace("{home}", home) for k, v in overrides.items()})
        for label, overrides in HOSTILE_SPECS
    ]
