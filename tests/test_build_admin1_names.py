"""The linking rules of data/scripts/build_admin1_names.py, on hand-made rows (no download)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "data" / "scripts" / "build_admin1_names.py"


@pytest.fixture(scope="module")
def script():
    spec = importlib.util.spec_from_file_location("build_admin1_names", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "raw,names",
    [
        ("Bayern", ["Bayern"]),
        ("Catalunya [Cataluña]", ["Catalunya", "Cataluña"]),
        ("Jönköpings län [SE-06]", ["Jönköpings län"]),
        ("Dagestan, Respublika", []),
        ("Île-de-France²", ["Île-de-France"]),
        ("Haute-Sangha / Mambéré-Kadéï", ["Haute-Sangha", "Mambéré-Kadéï"]),
        ("Davao (Region XI)", ["Davao"]),
    ],
)
def test_clean_names(script, raw, names):
    assert script.clean_names(raw) == names


def test_codes_keep_first_level_and_add_english(script):
    iso = [
        {"code": "DE-BY", "name": "Bayern"},
        {"code": "FR-BRE", "name": "Bretagne"},
        {"code": "FR-29", "name": "Finistère", "parent": "BRE"},
    ]
    english = {"deby": "Bavaria", "frbre": "Brittany", "fr29": "Finistère"}
    codes = script.codes_by_country(iso, english)
    assert codes == {"DE": {"DE-BY": ["Bayern", "Bavaria"]}, "FR": {"FR-BRE": ["Bretagne", "Brittany"]}}


def test_link_only_one_to_one(script):
    codes = {"XX-A": ["Nordland", "North Land"], "XX-B": ["Sudland", "South Land"], "XX-C": ["Mitte", "South Land Province"]}
    linked = script.link({"North Land", "South Land Province", "East Land"}, codes)
    # "South Land Province" is written "South Land" too: two codes match it, so it gets no link.
    assert linked == {"North Land": ("XX-A", ["Nordland"])}
    # A name another division of the country bears is not an alias.
    linked = script.link({"North Land", "Nordland"}, {"XX-A": ["Nordland", "North Land"]})
    assert linked == {}
