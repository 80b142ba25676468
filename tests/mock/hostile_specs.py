"""Hostile job specs for the fuzz drill of issue 12, shared by both engines' drills.

``hostile_specs(home)`` gives ``(id, overrides)`` pairs: each ``overrides`` replaces keys of a
valid ``mapAppJobInfo`` of the caller (whose home is ``home``) with something an attacker
might send: huge numbers, node ranges, paths out of the home, control characters, long and
unicode names, endless or enormous programs. A drill submits each and checks what
``check_answer`` checks: HTTP 200, never 5xx, never ``10001`` except the scheduler's own
refusal (``exitcode:1, errorinfo: sbatch: error: ...``, live behaviour); and meanwhile a second
user's reads keep answering ``"0"``.

Imported by ``tests/mock/test_mock_hostile.py`` (simulated engine); the Slurm engine's drill
imports it the same way (``from ..mock.hostile_specs import check_answer, hostile_specs``).
"""

from __future__ import annotations

from typing import Any

__all__ = ["SCHEDULER_REFUSAL", "check_answer", "hostile_specs"]

#: The prefix of the one 10001 that is not a failure: the scheduler refused the job (live).
SCHEDULER_REFUSAL = "exitcode:1, errorinfo: sbatch: error:"

_NINES = "9" * 400
_BIG = "1" + "0" * 3999


def hostile_specs(home: str) -> list[tuple[str, dict[str, str]]]:
    """``(id, mapAppJobInfo overrides)`` for a caller whose home is ``home``."""
    work = f"{home}/work"
    specs: list[tuple[str, dict[str, str]]] = [
        # huge numbers
        ("sleep-400-nines", {"GAP_CMD_FILE": f"sleep {_NINES}"}),
        ("sleep-400-nines-days", {"GAP_CMD_FILE": f"sleep {_NINES}d"}),
        ("sleep-1e400", {"GAP_CMD_FILE": "sleep 1e400"}),
        ("sleep-inf", {"GAP_CMD_FILE": "sleep inf; sleep infinity; sleep nan"}),
        ("sleep-negative", {"GAP_CMD_FILE": "sleep -5"}),
        ("sleep-many-huge", {"GAP_CMD_FILE": "; ".join(["sleep 999999999999d"] * 500)}),
        ("sleep-long-fraction", {"GAP_CMD_FILE": "sleep 0." + "9" * 20000}),
        ("seq-4000-digits", {"GAP_CMD_FILE": f"seq {_BIG} 1{_BIG}"}),
        ("seq-huge-count", {"GAP_CMD_FILE": "seq 100000000000000000000"}),
        ("seq-5000-digit-arg", {"GAP_CMD_FILE": "seq " + "9" * 5000}),
        ("exit-huge", {"GAP_CMD_FILE": "exit 99999999999999999999999"}),
        ("exit-5000-digits", {"GAP_CMD_FILE": "exit " + "9" * 5000}),
        ("exit-negative", {"GAP_CMD_FILE": "exit -1"}),
        ("script-of-100k-commands", {"GAP_CMD_FILE": "true;" * 100_000}),
        ("script-of-quoted-echoes", {"GAP_CMD_FILE": "echo 'x';" * 50_000}),
        ("pwd-many-times", {"GAP_CMD_FILE": "pwd;" * 50_000}),
        ("nnode-400-nines", {"GAP_NNODE": _NINES}),
        ("nnode-zero", {"GAP_NNODE": "0"}),
        ("nnode-negative", {"GAP_NNODE": "-1"}),
        ("nnode-float", {"GAP_NNODE": "1e3"}),
        ("ppn-huge", {"GAP_PPN": "999999999"}),
        ("ppn-400-nines", {"GAP_PPN": _NINES}),
        ("nproc-instead-huge", {"GAP_PPN": "", "GAP_NPROC": "99999999999999999999"}),
        ("ngpu-huge", {"GAP_NGPU": _NINES}),
        ("ndcu-negative", {"GAP_NDCU": "-3"}),
        ("mem-huge", {"GAP_JOB_MEM": _NINES + "GB"}),
        ("mem-9-digits-gb", {"GAP_JOB_MEM": "999999999GB"}),
        ("mem-nonsense", {"GAP_JOB_MEM": "lots"}),
        ("walltime-400-nines-days", {"GAP_WALL_TIME": f"{_NINES}-00:00:00"}),
        ("walltime-20-digit-days", {"GAP_WALL_TIME": "99999999999999999999-00:00:00"}),
        ("walltime-a-million-days", {"GAP_WALL_TIME": "1000000-00:00:00"}),
        ("walltime-999-hours", {"GAP_WALL_TIME": "999:59:59"}),
        ("walltime-zero", {"GAP_WALL_TIME": "00:00:00"}),
        ("multi-sub-huge", {"GAP_MULTI_SUB": "99999999999999999999"}),
        ("multi-sub-9-digits", {"GAP_MULTI_SUB": "999999999"}),
        ("exclusive-2", {"GAP_EXCLUSIVE": "2"}),
        # node ranges
        ("range-3-million", {"GAP_NNODE": "", "GAP_NODE_STRING": "dbg[0-3000000]"}),
        ("range-100-million", {"GAP_NNODE": "", "GAP_NODE_STRING": "x[0-99999999]"}),
        ("range-20-digits", {"GAP_NNODE": "", "GAP_NODE_STRING": "n[1-99999999999999999999]"}),
        ("range-5000-digits", {"GAP_NNODE": "", "GAP_NODE_STRING": "n[1-" + "9" * 5000 + "]"}),
        ("range-backwards", {"GAP_NNODE": "", "GAP_NODE_STRING": "n[9-1]"}),
        ("range-many-groups", {"GAP_NNODE": "", "GAP_NODE_STRING": "n[" + "0-9999," * 50 + "1]"}),
        ("range-unclosed", {"GAP_NNODE": "", "GAP_NODE_STRING": "n[1-2"}),
        ("range-brackets-only", {"GAP_NNODE": "", "GAP_NODE_STRING": "][,[]"}),
        ("range-20000-names", {"GAP_NNODE": "", "GAP_NODE_STRING": ",".join(["n1"] * 20_000)}),
        ("range-long-name", {"GAP_NNODE": "", "GAP_NODE_STRING": "n" * 100_000}),
        ("range-control", {"GAP_NNODE": "", "GAP_NODE_STRING": "n\x001,\x1b[31m"}),
        ("range-both", {"GAP_NNODE": "1", "GAP_NODE_STRING": "n[1-2]"}),
        # paths
        ("workdir-relative", {"GAP_WORK_DIR": "relative/dir"}),
        ("workdir-root", {"GAP_WORK_DIR": "/"}),
        ("workdir-etc", {"GAP_WORK_DIR": "/etc"}),
        ("workdir-dotdot", {"GAP_WORK_DIR": f"{home}/../../etc"}),
        ("workdir-nul", {"GAP_WORK_DIR": f"{work}/\x00x"}),
        ("workdir-newline", {"GAP_WORK_DIR": f"{work}/x\nJobId=1 JobState=COMPLETED"}),
        ("workdir-spaces", {"GAP_WORK_DIR": f"{work}/x JobId=41 JobState=COMPLETED"}),
        ("workdir-long", {"GAP_WORK_DIR": f"{work}/" + "a" * 100_000}),
        ("workdir-unicode", {"GAP_WORK_DIR": f"{work}/目录/💥"}),
        ("stdout-etc-passwd", {"GAP_STD_OUT_FILE": "/etc/passwd"}),
        ("stderr-other-home", {"GAP_STD_ERR_FILE": "/public/home/someone-else/std.err"}),
        ("stdout-dotdot", {"GAP_STD_OUT_FILE": f"{home}/../../etc/cron.d/evil"}),
        (
            "stdout-name-escape",
            {
                "GAP_STD_OUT_FILE": f"{home}/%x",
                "GAP_JOB_NAME": "../../../../../etc/cron.d/evil",
            },
        ),
        ("stdout-user-pattern", {"GAP_STD_OUT_FILE": f"{home}/%u/../../x"}),
        ("stdout-huge-width", {"GAP_STD_OUT_FILE": f"{work}/out-%999999999j"}),
        ("stdout-5000-digit-width", {"GAP_STD_OUT_FILE": f"{work}/out-%" + "9" * 5000 + "j"}),
        ("stdout-many-patterns", {"GAP_STD_OUT_FILE": f"{work}/" + "%j" * 50_000}),
        ("stdout-percents", {"GAP_STD_OUT_FILE": f"{work}/" + "%" * 10_001}),
        ("stdout-node-pattern", {"GAP_STD_OUT_FILE": f"{work}/%N.out"}),
        ("stdout-is-home", {"GAP_STD_OUT_FILE": home}),
        ("stdout-relative-escape", {"GAP_STD_OUT_FILE": "../../../../tmp/x"}),
        ("stdout-control", {"GAP_STD_OUT_FILE": f"{work}/\x1b]0;pwned\x07"}),
        # names
        ("name-long", {"GAP_JOB_NAME": "x" * 100_000}),
        ("name-unicode", {"GAP_JOB_NAME": "作业名" * 2000}),
        ("name-emoji", {"GAP_JOB_NAME": "💥" * 1000}),
        ("name-nul", {"GAP_JOB_NAME": "a\x00b"}),
        ("name-newline", {"GAP_JOB_NAME": "a\nJobId=1 JobState=COMPLETED"}),
        ("name-escape-sequences", {"GAP_JOB_NAME": "\x1b[2J\x1b[31mred"}),
        ("name-bidi", {"GAP_JOB_NAME": "\u202eexe.txt"}),
        ("name-slashes", {"GAP_JOB_NAME": "a/b/../c"}),
        ("name-only-spaces", {"GAP_JOB_NAME": "   "}),
        ("queue-control", {"GAP_QUEUE": "debug\x00"}),
        ("queue-long", {"GAP_QUEUE": "q" * 100_000}),
        ("queue-unicode", {"GAP_QUEUE": "队列"}),
        ("submit-type-file", {"GAP_SUBMIT_TYPE": "file", "GAP_CMD_FILE": "/etc/shadow"}),
        ("appname-control", {"GAP_APPNAME": "\x00\x1b"}),
        ("command-control", {"GAP_CMD_FILE": "echo \x00\x1b[31m\x07; printf '\\x00'"}),
        ("command-unbalanced", {"GAP_CMD_FILE": "echo 'unterminated"}),
        ("command-comment-only", {"GAP_CMD_FILE": "# nothing"}),
        ("extra-keys", {f"GAP_EXTRA_{i}": "x" * 100 for i in range(200)}),
    ]
    return specs


def check_answer(spec_id: str, status: int, body: Any) -> str | None:
    """What is wrong with the answer to a hostile submit, or None when it is acceptable."""
    if status != 200:
        return f"{spec_id}: HTTP {status}"
    if not isinstance(body, dict) or "code" not in body:
        return f"{spec_id}: not an envelope: {str(body)[:200]}"
    code, msg = body["code"], str(body.get("msg", ""))
    if code == "10001" and not msg.startswith(SCHEDULER_REFUSAL):
        return f"{spec_id}: 10001 for an input error: {msg[:300]}"
    if code not in ("0", "10001", "10003", "10004"):
        return f"{spec_id}: unexpected code {code}: {msg[:300]}"
    return None
