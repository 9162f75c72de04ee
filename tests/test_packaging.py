"""The built wheel carries data/ and runs from a new environment, outside the repository."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import typer

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installs_and_runs_outside_the_repository(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-t", "wheel", "-d", str(dist)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(dist.glob("salarycli-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for data_file in (
        "levels.csv",
        "featured.csv",
        "provenance.json",
        "oews_national.csv",
        "oews_occupations.csv",
        "oews_footnotes.csv",
    ):
        assert f"salarycli/data/{data_file}" in names

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)
    # Offline: the runtime dependencies come from this environment, after the venv's own
    # site-packages, so salarycli itself can only come from the wheel.
    site = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import sysconfig; print(sysconfig.get_path('purelib'))",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    deps = {str(Path(typer.__file__).parent.parent), sysconfig.get_path("purelib")}
    (Path(site) / "salarycli_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import salarycli; print(salarycli.__file__)"],
        cwd=elsewhere,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert where.startswith(site), where
    done = subprocess.run(
        [
            str(venv / "bin" / "salarycli"),
            "estimate",
            "Machine Learning Engineer",
            "-y",
            "4",
            "-f",
            "csv",
        ],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[1].startswith(
        "Machine Learning Engineer,,Mid Level,4,0.9,158328,142495,"
    )
