"""Tests of the casus Python package (run by .ci/run after building it).

The sentences are written for these tests; each assertion names a field
that a wrong binding (lost argument, wrong column, swapped actors, a GIL
held across coding) would get wrong.
"""

import datetime
import sys
import threading
import time

import pytest

import casus

ARTICLES = [
    {
        "id": "quay-1",
        "text": "Germany pledged three more air defence systems to Ukraine. "
        "France criticised Russia over the strikes.",
        "date": "2024-06-14",
    },
    {"id": "quay-2", "text": "Kenya and Ethiopia signed a border agreement.", "date": "2023-02-20"},
    {"id": "quay-3", "text": "The weather was mild and the harbour was quiet."},
]

PERSON = "[Mira Oskarsdottir]\nname: Mira Oskarsdottir\noffice: ISLGOV 2021-01-01..\n"


@pytest.fixture(scope="module")
def pipeline():
    return casus.Pipeline()


def triples(events):
    return sorted((e["doc_id"], e["source"], e["target"], e["code"], e["modality"]) for e in events)


def test_code_returns_cli_records(pipeline):
    events = pipeline.code(
        "Germany pledged three more air defence systems to Ukraine.",
        date="2024-06-14",
        doc_id="a1",
        title="Air defence",
        url="https://example.org/a1",
    )
    assert len(events) == 1
    e = events[0]
    assert (e["doc_id"], e["source"], e["target"], e["code"]) == ("a1", "DEU", "UKR", "0332")
    assert e["document_date"] == "2024-06-14"
    assert e["modality"] == "asserted"
    assert e["goldstein"] == 5.2  # as the CLI prints the f32, not 5.1999998
    assert e["source_text"] == "Germany"
    text = "Germany pledged three more air defence systems to Ukraine."
    start, end = e["evidence"]["target"]
    assert text[start:end] == "Ukraine"
    assert e["evidence"]["entry"].startswith("verbs/03_intent.txt:")
    # the CLI's field order
    assert list(e)[:4] == ["doc_id", "sentence_index", "date", "document_date"]


def test_date_accepts_date_objects_and_timestamps(pipeline):
    text = "France criticised Russia."
    as_text = pipeline.code(text, date="2024-06-14")
    assert as_text[0]["document_date"] == "2024-06-14"
    assert pipeline.code(text, date=datetime.date(2024, 6, 14)) == as_text
    assert pipeline.code(text, date="2024-06-14T23:10:00Z") == as_text
    assert pipeline.code(text)[0]["document_date"] is None


def test_bad_date_raises_value_error(pipeline):
    with pytest.raises(ValueError, match="2024-13-01"):
        pipeline.code("France criticised Russia.", date="2024-13-01")
    with pytest.raises(ValueError, match="quay-bad"):
        pipeline.code_batch([{"id": "quay-bad", "text": "France criticised Russia.", "date": "June"}])


def test_bad_record_can_be_skipped_with_a_warning(pipeline):
    records = ARTICLES + [{"id": "quay-bad", "text": "France criticised Russia.", "date": "June"}]
    with pytest.warns(UserWarning, match="quay-bad"):
        table = pipeline.code_batch(records, errors="skip")
    ids = set(table.column("doc_id").to_pylist())
    assert "quay-bad" not in ids
    assert {"quay-1", "quay-2"} <= ids


def test_batch_table_has_the_expected_columns(pipeline):
    import pyarrow as pa

    table = pipeline.code_batch(ARTICLES)
    assert isinstance(table, pa.Table)
    assert table.column_names == casus.COLUMNS
    assert table.schema == casus.schema()
    for name in ("doc_id", "source", "target", "code", "modality", "goldstein", "date", "entry"):
        assert name in table.column_names
    assert table.schema.field("date").type == pa.date32()
    rows = table.to_pylist()
    got = sorted((r["doc_id"], r["source"], r["target"], r["code"]) for r in rows)
    assert ("quay-1", "DEU", "UKR", "0332") in got
    assert ("quay-2", "KEN", "ETH", "057") in got
    assert not any(r["doc_id"] == "quay-3" for r in rows)
    first = next(r for r in rows if r["code"] == "0332")
    assert first["date"] == datetime.date(2024, 6, 14)
    text = ARTICLES[0]["text"]
    assert text[first["trigger_start"] : first["trigger_end"]].startswith("pledged")


def test_batch_equals_one_by_one_in_input_order(pipeline):
    one_by_one = []
    for a in ARTICLES:
        one_by_one += pipeline.code(a["text"], date=a.get("date"), doc_id=a["id"])
    for threads in (None, 1, 2):
        table = pipeline.code_batch(ARTICLES, threads=threads)
        rows = table.to_pylist()
        # same events, same order (documents in input order)
        assert [(r["doc_id"], r["source"], r["target"], r["code"]) for r in rows] == [
            (e["doc_id"], e["source"], e["target"], e["code"]) for e in one_by_one
        ]


def test_batch_inputs_strings_pandas_and_arrow(pipeline):
    import pandas as pd
    import pyarrow as pa

    strings = pipeline.code_batch(["France criticised Russia.", "Kenya and Ethiopia signed a border agreement."])
    assert strings.column("doc_id").to_pylist()[0] == "0"
    assert "1" in strings.column("doc_id").to_pylist()
    frame = pd.DataFrame(ARTICLES)  # quay-3 has no date: NaN in pandas
    from_pandas = pipeline.code_batch(frame)
    from_arrow = pipeline.code_batch(pa.Table.from_pandas(frame))
    plain = pipeline.code_batch(ARTICLES)
    assert from_pandas.equals(plain)
    assert from_arrow.equals(plain)
    df = pipeline.code_batch_pandas(ARTICLES)
    assert isinstance(df, pd.DataFrame)
    assert len(df) == plain.num_rows
    assert list(df.columns) == casus.COLUMNS


def test_threads_must_be_positive(pipeline):
    with pytest.raises(ValueError):
        pipeline.code_batch(ARTICLES, threads=0)


def test_malformed_batch_input_names_the_record(pipeline):
    with pytest.raises(ValueError, match="record 1: `text`"):
        pipeline.code_batch([{"text": "France criticised Russia."}, {"id": "x"}])
    with pytest.raises(TypeError, match="record 0"):
        pipeline.code_batch([42])
    with pytest.raises(ValueError, match="errors"):
        pipeline.code_batch(ARTICLES, errors="ignore")


def test_dict_dir_adds_an_actor(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "persons.txt").write_text(PERSON)
    (tmp_path / "README.md").write_text("not a dictionary, skipped as the CLI skips it\n")
    text = "Mira Oskarsdottir criticised Norway on Monday."
    builtin = casus.Pipeline()
    assert not any(e["source"] == "ISLGOV" for e in builtin.code(text, date="2024-05-02"))
    mine = casus.Pipeline(dict_dir=tmp_path)
    events = mine.code(text, date="2024-05-02")
    assert [(e["source"], e["target"]) for e in events] == [("ISLGOV", "NOR")]
    assert mine.version != builtin.version


def test_bad_dictionary_file_names_file_and_line(tmp_path):
    (tmp_path / "verbs").mkdir()
    (tmp_path / "verbs" / "99_mine.txt").write_text("040  meet with +  ; sym\nnot-a-code  praise +\n")
    with pytest.raises(casus.DictionaryError, match=r"99_mine\.txt:2: ") as err:
        casus.Pipeline(dict_dir=tmp_path)
    assert isinstance(err.value, ValueError)


def test_missing_dict_dir_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        casus.Pipeline(dict_dir=tmp_path / "no-such-folder")


def test_gil_is_released_two_threads_code_at_once(pipeline):
    # Each thread codes, then waits at a barrier the other thread must also
    # reach; a second batch runs while the first may still hold the pipeline.
    # A binding that deadlocked or failed under concurrent use would leave a
    # thread unfinished or a result wrong.
    docs = [dict(a, id=f"{a['id']}-{i}") for i in range(200) for a in ARTICLES]
    expected = pipeline.code_batch(docs, threads=1).num_rows
    barrier = threading.Barrier(2, timeout=120)
    results = {}
    failures = []

    def work(name):
        try:
            barrier.wait()
            table = pipeline.code_batch(docs, threads=1)
            single = pipeline.code(ARTICLES[1]["text"], doc_id=name)
            results[name] = (table.num_rows, len(single))
        except Exception as e:  # reported below, with the thread's name
            failures.append((name, e))

    threads = [threading.Thread(target=work, args=(n,)) for n in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not failures
    assert not any(t.is_alive() for t in threads)
    assert results == {"a": (expected, 2), "b": (expected, 2)}


def test_gil_is_released_inside_the_native_call(pipeline):
    # With a huge switch interval, CPython hands the GIL to another thread
    # only when the running one releases it (blocks, sleeps, or a native
    # call detaches). So the main thread can see `inside` set only if the
    # native call released the GIL while coding.
    docs = [dict(a, id=f"{a['id']}-{i}") for i in range(300) for a in ARTICLES]
    ids = [d["id"] for d in docs]
    texts = [d["text"] for d in docs]
    dates = [d.get("date") for d in docs]
    none = [None] * len(docs)
    state = {"inside": False, "rows": None}

    def work():
        state["inside"] = True
        columns, _ = pipeline._inner.code_columns(ids, texts, dates, none, none, 1)
        state["inside"] = False
        state["rows"] = len(columns["doc_id"])

    seen_inside = False
    old = sys.getswitchinterval()
    sys.setswitchinterval(100.0)
    try:
        t = threading.Thread(target=work)
        t.start()
        while t.is_alive():
            if state["inside"]:
                seen_inside = True
            time.sleep(0.001)  # lets the worker run; no time is asserted
        t.join()
    finally:
        sys.setswitchinterval(old)
    assert state["rows"] == pipeline.code_batch(docs).num_rows
    assert seen_inside, "the GIL was held for the whole native call"


def test_version_and_repr(pipeline):
    assert len(pipeline.version) == 16
    int(pipeline.version, 16)
    assert pipeline.version in repr(pipeline)


def test_shared_pipeline_is_built_once_per_folder(tmp_path):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "persons.txt").write_text(PERSON)
    a = casus.shared_pipeline()
    assert casus.shared_pipeline() is a
    mine = casus.shared_pipeline(tmp_path)
    assert mine is not a
    assert casus.shared_pipeline(str(tmp_path)) is mine
    assert mine.code("Mira Oskarsdottir criticised Norway.", date="2024-05-02")[0]["source"] == "ISLGOV"


def test_monadic_pipeline_writes_single_actor_events(pipeline):
    text = "Russian forces attacked a village overnight. Kenya condemned Uganda."
    assert all(e["target"] is not None for e in pipeline.code(text))
    mono = casus.Pipeline(monadic=True)
    events = mono.code(text)
    single = [e for e in events if e["target"] is None]
    assert [(e["source"], e["code"]) for e in single] == [("RUSMIL", "190")]
    assert single[0]["target_text"] is None and single[0]["evidence"]["target"] is None
    table = mono.code_batch([text])
    assert table.schema == casus.schema()
    rows = table.to_pylist()
    attack = next(r for r in rows if r["source"] == "RUSMIL")
    assert attack["target"] is None and attack["target_start"] is None
    assert table.column("target").null_count == 1
