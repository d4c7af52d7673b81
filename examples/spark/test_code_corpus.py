"""The Spark job gives the same events as `casus code` on the same corpus.

Runs code_corpus.py with Spark's `local[2]` master on sample_corpus.jsonl
(articles written for this test) and compares its Parquet output with the
CLI's JSON lines. The CLI is $CASUS_BIN, else the newest of
target/{debug,release}/casus. Without pyspark, Java or the CLI the test is
skipped, unless CASUS_REQUIRE_SPARK=1 (set by .ci/run) makes that a failure.
"""

import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "sample_corpus.jsonl"
KEY = ("doc_id", "source", "target", "code", "modality")


def unavailable(reason):
    if os.environ.get("CASUS_REQUIRE_SPARK") == "1":
        pytest.fail(f"{reason} (CASUS_REQUIRE_SPARK=1)")
    pytest.skip(reason)


def casus_binary():
    if os.environ.get("CASUS_BIN"):
        return os.environ["CASUS_BIN"]
    built = [ROOT / "target" / p / "casus" for p in ("debug", "release")]
    built = [b for b in built if b.exists()]
    if not built:
        unavailable("no casus binary: build it with `cargo build` or set CASUS_BIN")
    return str(max(built, key=lambda b: b.stat().st_mtime))


def test_spark_job_events_equal_the_cli(tmp_path):
    try:
        import pyspark  # noqa: F401
    except ImportError:
        unavailable("pyspark is not installed")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        unavailable("no Java for Spark")
    import pyarrow.dataset as ds

    cli = subprocess.run(
        [casus_binary(), "code", str(CORPUS)], check=True, capture_output=True, text=True
    )
    expected = [json.loads(line) for line in cli.stdout.splitlines() if line.strip()]
    assert len(expected) >= 10, "the sample corpus should give a fair number of events"

    out = tmp_path / "events"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    job = subprocess.run(
        [sys.executable, str(HERE / "code_corpus.py"), str(CORPUS), str(out),
         "--master", "local[2]", "--partitions", "3"],
        env=env, capture_output=True, text=True,
    )
    assert job.returncode == 0, job.stderr[-4000:]

    # partitioned by date: one folder per event date, and Hive's default
    # partition for the events of undated documents
    folders = {p.name for p in out.iterdir() if p.is_dir()}
    assert folders == {f"date={e['date'] or '__HIVE_DEFAULT_PARTITION__'}" for e in expected}
    assert any(e["date"] is None for e in expected), "the corpus should hold an undated event"

    table = ds.dataset(str(out), format="parquet", partitioning="hive").to_table()
    got = table.to_pylist()
    import casus

    assert sorted(table.column_names) == sorted(casus.COLUMNS)
    assert Counter(tuple(r[k] for k in KEY) for r in got) == Counter(
        tuple(e[k] for k in KEY) for e in expected
    )
    # the partition column still carries each event's own date
    assert sorted((r["doc_id"], str(r["date"]), r["code"]) for r in got) == sorted(
        (e["doc_id"], str(e["date"]), e["code"]) for e in expected
    )
