"""`acupressure points` and `acupressure point` through the CLI runner and a real process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from acupressure.cli import app

runner = CliRunner()


def test_points_table_lists_all_fourteen() -> None:
    result = runner.invoke(app, ["points"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    for code in ("CV6", "BL52", "BL40", "GB21", "BL10", "SI15"):
        assert code in result.stdout


def test_points_json_by_region() -> None:
    result = runner.invoke(app, ["points", "--region", "upper-back", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert [p["code"] for p in data] == ["GB21", "BL10", "TE3", "LI4", "KI27", "GV14", "SI15"]
    assert data[1]["article_label"] == "GB10"


def test_bad_region_is_exit_2() -> None:
    result = runner.invoke(app, ["points", "--region", "feet"])
    assert result.exit_code == 2


@pytest.mark.parametrize(
    ("query", "code", "wrong_label"),
    [("B47", "BL52", True), ("GB 10", "BL10", True), ("Kid27", "KI27", False)],
)
def test_point_json_resolves_aliases(query: str, code: str, wrong_label: bool) -> None:
    result = runner.invoke(app, ["point", query, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["code"] == code
    for key in (
        "aliases",
        "names",
        "channel",
        "laterality",
        "region",
        "location",
        "technique",
        "pregnancy",
        "precautions",
        "errata",
        "sources",
        "citations",
    ):
        assert key in data, key
    assert {"pinyin", "hanzi", "english"} <= data["names"].keys()
    assert {"standard", "how_to_find"} <= data["location"].keys()
    assert {"performer", "posture", "hold_seconds", "repetitions"} <= data["technique"].keys()
    assert {"policy", "sources"} <= data["pregnancy"].keys()
    assert bool(data["query"]["errata"]) == wrong_label


def test_point_card_shows_erratum_for_wrong_label() -> None:
    result = runner.invoke(app, ["point", "GB 10"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "BL10" in result.stdout and "GB10" in result.stdout
    assert "Note on the label" in result.stdout


def test_point_card_for_standard_code_has_no_label_note() -> None:
    result = runner.invoke(app, ["point", "BL10"], env={"COLUMNS": "120"})
    assert result.exit_code == 0
    assert "Note on the label" not in result.stdout


@pytest.mark.parametrize("query", ["BL47", "GB20", "nonsense"])
def test_unknown_point_is_exit_3_with_one_line(query: str) -> None:
    result = runner.invoke(app, ["point", query])
    assert result.exit_code == 3
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: ")


def test_empty_code_is_exit_2() -> None:
    result = runner.invoke(app, ["point", " "])
    assert result.exit_code == 2
    assert "empty" in result.stderr


def test_module_entry_point_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "acupressure", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("acupressure ")


def test_point_loads_only_what_it_shows(tmp_path: Path) -> None:
    """`acupressure point` imports neither the other commands nor what only they need (the
    charts, the planner, the web app, MediaPipe, the JSON export, the landmark models), and
    from its second run on not PyYAML either (the parsed atlas is kept, atlas.loader)."""
    script = (
        "import sys; from acupressure.cli import main; sys.argv = ['acupressure', 'point', 'LI4']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}  # platformdirs' cache on Linux
    first, second = (
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
        for _ in range(2)
    )
    assert "Hegu" in first.stdout and second.stdout == first.stdout
    assert "yaml" in first.stderr.split()
    loaded = set(second.stderr.split())
    assert {"acupressure.atlas", "acupressure.cli.atlas", "rich.panel"} <= loaded
    if sys.platform.startswith("linux"):
        assert "yaml" not in loaded
    for heavy in (
        "acupressure.atlas.export",
        "acupressure.body.landmarks",
        "acupressure.charts",
        "acupressure.plan",
        "acupressure.web",
        "acupressure.vision",
        "django",
        "mediapipe",
        "rich.table",
    ):
        assert heavy not in loaded, heavy
