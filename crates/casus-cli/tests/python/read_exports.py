"""Reads casus exports back with the tools political scientists use.

Run by tests/records.rs (python_tools_read_the_exports) when CASUS_PY_TESTS=1,
as .ci/run sets it, with the folder holding e.jsonl, e.csv, e.parquet,
e.gdelt.tsv and code.jsonl, and the path of docs/event.schema.json.
Any failed check raises, so the Rust test (and CI) fails.
"""

import json
import sys
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

folder = Path(sys.argv[1])
schema = json.loads(Path(sys.argv[2]).read_text())

# 1. JSON lines: every record of `code` and of the export fits the schema
#    (with its patterns, which the Rust check leaves to this one).
validator = jsonschema.Draft202012Validator(schema)
for name in ["code.jsonl", "e.jsonl"]:
    for i, line in enumerate((folder / name).read_text().splitlines()):
        errors = sorted(validator.iter_errors(json.loads(line)), key=str)
        assert not errors, f"{name}:{i + 1}: {errors[0].message}"

jsonl = pd.read_json(folder / "e.jsonl", lines=True, convert_dates=False,
                     dtype={"code": str, "root": str})
csv = pd.read_csv(folder / "e.csv", dtype={"code": str, "root": str})
table = pq.read_table(folder / "e.parquet")
n = len(jsonl)
assert n > 0 and len(csv) == n and table.num_rows == n, (n, len(csv), table.num_rows)

# 2. CSV and Parquet: the same columns, in the same order.
assert list(csv.columns) == table.column_names, (list(csv.columns), table.column_names)
for col in ["attribution", "code_name", "trigger_text", "source_name",
            "evidence_trigger_start", "evidence_entry", "date_added"]:
    assert col in csv.columns, col

# 3. Parquet types: real dates, integers, doubles, a UTC timestamp; nulls,
#    not empty strings, where a value is unknown.
types = {f.name: f.type for f in table.schema}
assert types["date"] == pa.date32(), types["date"]
assert types["document_date"] == pa.date32()
assert types["quad_class"] == pa.int64()
assert types["goldstein"] == pa.float64()
assert pa.types.is_timestamp(types["date_added"]) and types["date_added"].tz is not None
df = table.to_pandas()
assert df["attribution"].isna().any(), "unknown attribution is null"
assert not (df["attribution"] == "").any(), "no empty strings for null"
assert df["place_lat"].isna().all() or df["place_lat"].dtype.kind == "f"

# 4. The three readers agree on the values.
key = ["cluster"]
j = jsonl.sort_values(key).reset_index(drop=True)
c = csv.sort_values(key).reset_index(drop=True)
p = df.sort_values(key).reset_index(drop=True)
assert list(j["source_name"]) == list(c["source_name"]) == list(p["source_name"])
assert list(j["code"]) == list(c["code"]) == list(p["code"])
assert list(j["date"]) == [d.isoformat() for d in p["date"]]

# 5. DuckDB reads Parquet, CSV and the GDELT file by GDELT 2.0's column names.
con = duckdb.connect()
pq_path, csv_path = str(folder / "e.parquet"), str(folder / "e.csv")
gdelt_path = str(folder / "e.gdelt.tsv")
assert con.execute(f"SELECT typeof(date) FROM '{pq_path}' LIMIT 1").fetchone()[0] == "DATE"
assert con.execute(f"SELECT COUNT(*) FROM read_csv_auto('{csv_path}')").fetchone()[0] == n
assert con.execute(
    f"SELECT COUNT(*) FROM '{pq_path}' WHERE attribution IS NULL").fetchone()[0] > 0
gdelt = con.execute(
    f"SELECT Actor1Name, Actor2Name, EventCode, IsRootEvent, DATEADDED, SQLDATE "
    f"FROM read_csv('{gdelt_path}', delim='\t', header=true, all_varchar=true)"
).fetchall()
assert len(gdelt) == n, (len(gdelt), n)
assert all(a1 and a1 == a1.upper() for a1, *_ in gdelt), gdelt
assert all(len(row[4]) == 14 for row in gdelt), gdelt
assert {row[3] for row in gdelt} <= {"0", "1"}
gd = pd.read_csv(gdelt_path, sep="\t", dtype=str, keep_default_na=False)
assert list(gd.columns)[:3] == ["GLOBALEVENTID", "SQLDATE", "MonthYear"] and len(gd.columns) == 61

print(f"python: {n} exported events read back by pandas {pd.__version__}, "
      f"pyarrow {pa.__version__}, duckdb {duckdb.__version__}")
