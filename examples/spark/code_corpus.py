"""Code a news corpus into CAMEO events on Spark, with the casus package.

    spark-submit code_corpus.py INPUT OUTPUT [--dict DIR] [--master local[2]]

INPUT is a JSONL file or folder (one article per line) or Parquet, with the
columns of `casus code` JSONL input: `text`, and optionally `id`, `date`,
`title`, `url` (other columns are ignored). OUTPUT is a folder of Parquet
files with one row per event (the columns of `casus.COLUMNS`), partitioned
by the event's `date`. Each Python worker builds one casus pipeline, on
first use, and codes every batch Spark hands it (mapInArrow); records with a
bad date are skipped with a warning in the executor's log, as the CLI skips
them. See README.md beside this file.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from typing import Iterator, Optional

import pyarrow as pa

import casus

INPUT_COLUMNS = ("id", "text", "date", "title", "url")


def spark_schema_ddl() -> str:
    """The event table's Spark schema, from the package's Arrow schema."""
    names = {
        pa.string(): "STRING",
        pa.int64(): "BIGINT",
        pa.int8(): "TINYINT",
        pa.float64(): "DOUBLE",
        pa.date32(): "DATE",
        # Spark has no unsigned integers; GeoNames ids fit in a BIGINT.
        pa.uint64(): "BIGINT",
        pa.list_(pa.int64()): "ARRAY<BIGINT>",
        pa.list_(pa.string()): "ARRAY<STRING>",
    }
    return ", ".join(f"`{f.name}` {names[f.type]}" for f in casus.schema())


def arrow_output_schema() -> pa.Schema:
    """What each output batch is cast to: Spark's types, every column nullable."""
    fields = []
    for f in casus.schema():
        kind = pa.int64() if f.type == pa.uint64() else f.type
        fields.append(pa.field(f.name, kind, nullable=True))
    return pa.schema(fields)


def code_batches(
    batches: Iterator[pa.RecordBatch], dict_dir: Optional[str], threads: int
) -> Iterator[pa.RecordBatch]:
    """mapInArrow's function: documents in, events out.

    `casus.shared_pipeline` keeps one pipeline per worker process, so the
    dictionaries are compiled once per worker however many tasks it runs.
    """
    pipeline = casus.shared_pipeline(dict_dir)
    target = arrow_output_schema()
    for batch in batches:
        events = pipeline.code_batch(batch, threads=threads, errors="skip")
        yield from events.cast(target).to_batches()


def read_corpus(spark, path: str, fmt: str):
    from pyspark.sql import functions as F

    if fmt == "auto":
        fmt = "parquet" if path.rstrip("/").endswith(".parquet") else "json"
    reader = spark.read.format(fmt)
    df = reader.load(path)
    if "text" not in df.columns:
        raise SystemExit(f"{path}: no `text` column (columns: {', '.join(df.columns)})")
    # Every input column as the coder reads it: strings, missing ones null.
    # A DATE or TIMESTAMP column becomes `YYYY-MM-DD` / `YYYY-MM-DD hh:mm:ss`,
    # whose date part the coder takes as written.
    cols = [
        (F.col(c) if c in df.columns else F.lit(None)).cast("string").alias(c)
        for c in INPUT_COLUMNS
    ]
    return df.select(*cols).where(F.col("text").isNotNull())


def main(argv: Optional[list] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSONL or Parquet file or folder")
    ap.add_argument("output", help="folder for the events (Parquet, partitioned by date)")
    ap.add_argument("--format", choices=("auto", "json", "parquet"), default="auto",
                    help="input format (default: Parquet for *.parquet, else JSONL)")
    ap.add_argument("--dict", dest="dict_dir", help="a dictionary folder, as `casus code --dict`")
    ap.add_argument("--master", help="Spark master when not run by spark-submit, e.g. local[2]")
    ap.add_argument("--partitions", type=int, default=0,
                    help="repartition the input into this many tasks (default: as read)")
    ap.add_argument("--threads-per-task", type=int, default=1,
                    help="coding threads in each task (Spark already runs a task per core)")
    ap.add_argument("--mode", choices=("errorifexists", "overwrite"), default="errorifexists")
    args = ap.parse_args(argv)

    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("casus-code-corpus")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    try:
        dict_dir = None
        if args.dict_dir:
            # Shipped to every executor; each worker reads its local copy.
            spark.sparkContext.addFile(os.path.abspath(args.dict_dir), recursive=True)
            name = os.path.basename(os.path.abspath(args.dict_dir))
            dict_dir_on_worker = name
        started = time.perf_counter()
        docs = read_corpus(spark, args.input, args.format)
        if args.partitions > 0:
            docs = docs.repartition(args.partitions)
        threads = args.threads_per_task
        if args.dict_dir:

            def run(batches):
                from pyspark import SparkFiles

                return code_batches(batches, SparkFiles.get(dict_dir_on_worker), threads)

        else:

            def run(batches):
                return code_batches(batches, dict_dir, threads)

        events = docs.mapInArrow(run, spark_schema_ddl())
        events.write.mode(args.mode).partitionBy("date").parquet(args.output)
        seconds = time.perf_counter() - started
        written = spark.read.parquet(args.output).count()
        print(f"casus-spark: {written} events written to {args.output} in {seconds:.1f} s", file=sys.stderr)
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
