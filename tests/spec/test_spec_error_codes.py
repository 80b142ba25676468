"""``ErrorCode`` gives every code with a known meaning that meaning and where it comes from."""

from __future__ import annotations

import re

from .spec_doc import SPEC

ERROR_CODE = SPEC["components"]["schemas"]["ErrorCode"]
ROWS = {
    m.group(1): (m.group(2).strip(), m.group(3).strip())
    for m in re.finditer(r"^\| `(\d+)` \| ([^|]+) \| ([^|]+) \|$", ERROR_CODE["description"], re.M)
}


def test_every_code_has_a_meaning_and_a_source_in_the_table() -> None:
    assert set(ROWS) == set(ERROR_CODE["enum"])
    for code, (meaning, source) in ROWS.items():
        assert " — " in meaning, code  # the vendor's words, then English
        assert source, code
        assert "not found" not in ERROR_CODE["x-enum-descriptions"][code], code


def test_names_and_descriptions_cover_every_code_once() -> None:
    names = ERROR_CODE["x-enum-varnames"]
    assert len(names) == len(ERROR_CODE["enum"]) == len(set(names))
    assert all(re.fullmatch(r"[A-Z][A-Z0-9_]*", n) for n in names)
    assert set(ERROR_CODE["x-enum-descriptions"]) == set(ERROR_CODE["enum"])


def test_the_submit_and_file_codes_of_the_public_clients_are_documented() -> None:
    meanings = {code: ROWS[code][0] for code in ROWS}
    assert "sbatch" in meanings["815007"]
    assert "did not answer" in meanings["815005"]
    assert "timed out" in meanings["10013"]
    assert "does not exist" in meanings["911020"]
    assert "already exists" in meanings["911021"]
    assert "region (cluster) user does not exist" in meanings["911009"]
