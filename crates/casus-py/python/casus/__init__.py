"""casus: code news text into CAMEO political events, from Python.

Build one :class:`Pipeline` (the dictionaries are compiled once) and call
:meth:`Pipeline.code` for a document or :meth:`Pipeline.code_batch` for many
(coded in parallel, the GIL released, returned as a ``pyarrow.Table``)::

    import casus
    p = casus.Pipeline()
    p.code("Germany pledged air defence systems to Ukraine.", date="2024-06-14")
    table = p.code_batch([{"id": "a1", "text": "...", "date": "2024-06-14"}])

Records are those of ``casus code``: see docs/PYTHON.md in the repository.
"""

from __future__ import annotations

import datetime as _dt
import math
import os
import threading
import warnings
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Optional, Union

from . import _casus
from ._casus import COLUMNS, DictionaryError

if TYPE_CHECKING:  # imported lazily: `code` needs neither
    import pandas
    import pyarrow

__all__ = ["Pipeline", "DictionaryError", "COLUMNS", "schema", "shared_pipeline"]

DateLike = Union[str, _dt.date, None]
Record = Mapping[str, Any]


def schema() -> "pyarrow.Schema":
    """The Arrow schema of :meth:`Pipeline.code_batch` tables."""
    import pyarrow as pa

    string, i64 = pa.string(), pa.int64()
    types = {
        "sentence_index": i64,
        "date": pa.date32(),
        "document_date": pa.date32(),
        "quad_class": pa.int8(),
        "goldstein": pa.float64(),
        "place_lat": pa.float64(),
        "place_lon": pa.float64(),
        "place_feature_id": pa.uint64(),
        "also_in_sentences": pa.list_(i64),
        "cues": pa.list_(string),
    }
    for side in ("source", "target", "trigger", "sentence", "attribution"):
        types[f"{side}_start"] = i64
        types[f"{side}_end"] = i64
    # Never null: the same fields are always present in the CLI's records
    # (the target's are null in a single-actor event, `monadic=True`).
    required = {
        "doc_id", "sentence_index", "source", "source_text",
        "code", "code_name", "root", "quad_class", "goldstein", "modality",
        "trigger_text", "source_start", "source_end",
        "trigger_start", "trigger_end", "sentence_start", "sentence_end", "entry",
        "pattern", "also_in_sentences", "cues",
    }
    return pa.schema(
        [pa.field(name, types.get(name, string), nullable=name not in required) for name in COLUMNS]
    )


def _date_text(value: Any, where: str) -> Optional[str]:
    """A date as the coder reads it; None for a missing one (None, NaN, NaT)."""
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, _dt.datetime):
        # the publisher's day as written, as the CLI takes timestamps
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # 20240614, as the CLI reads a JSON number
    raise TypeError(f"{where}: date must be a str, datetime.date or None, not {type(value).__name__}")


def _optional_text(value: Any) -> Optional[str]:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return str(value)


def _columns(items: Any) -> "tuple[list[str], list[str], list[Optional[str]], list[Optional[str]], list[Optional[str]]]":
    """Input documents as the five columns the extension codes."""
    if hasattr(items, "to_pylist") and hasattr(items, "schema"):  # pyarrow Table / RecordBatch
        items = items.to_pylist()
    elif hasattr(items, "to_dict") and hasattr(items, "columns"):  # pandas DataFrame
        items = items.to_dict("records")
    ids: list = []
    texts: list = []
    dates: list = []
    titles: list = []
    urls: list = []
    for i, item in enumerate(items):
        if isinstance(item, str):
            ids.append(str(i))
            texts.append(item)
            dates.append(None)
            titles.append(None)
            urls.append(None)
            continue
        if not isinstance(item, Mapping):
            raise TypeError(f"record {i}: expected a str or a mapping with `text`, not {type(item).__name__}")
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError(f"record {i}: `text` is missing or not a str")
        doc_id = item.get("id")
        # as the CLI names a JSONL record without an id
        ids.append(f"line-{i + 1}" if doc_id is None else str(doc_id))
        texts.append(text)
        dates.append(_date_text(item.get("date"), f"record {i}"))
        titles.append(_optional_text(item.get("title")))
        urls.append(_optional_text(item.get("url")))
    return ids, texts, dates, titles, urls


class Pipeline:
    """The compiled coder: build it once, then code any number of documents.

    ``dict_dir`` adds a folder of dictionary files to the built-in
    dictionaries, as ``casus code --dict DIR`` does. A wrong file raises
    :class:`DictionaryError` naming each file and line; a missing folder
    raises ``FileNotFoundError``. A pipeline is safe to share between
    threads, and coding releases the GIL. ``monadic=True`` also writes
    single-actor events (a protest, an attack on an unnamed target) with a
    null target, as ``casus code --monadic`` does.
    """

    def __init__(
        self, dict_dir: Union[str, "os.PathLike[str]", None] = None, monadic: bool = False
    ) -> None:
        self._inner = _casus.Pipeline(
            None if dict_dir is None else os.fspath(dict_dir), monadic
        )

    @property
    def version(self) -> str:
        """A hash of the dictionaries (the same as the CLI's for the same files)."""
        return self._inner.version

    def code(
        self,
        text: str,
        date: DateLike = None,
        doc_id: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> "list[dict[str, Any]]":
        """Codes one document; returns its events as ``casus code`` records.

        ``date`` (``YYYY-MM-DD``, ``YYYYMMDD``, a timestamp or a
        ``datetime.date``) anchors dated offices and relative dates; a bad
        date raises ``ValueError``.
        """
        if not isinstance(text, str):
            raise TypeError(f"text must be a str, not {type(text).__name__}")
        return self._inner.code(text, _date_text(date, "date"), doc_id, title, url)

    def code_batch(
        self,
        texts_or_records: Union[Iterable[Union[str, Record]], "pandas.DataFrame", "pyarrow.Table"],
        threads: Optional[int] = None,
        errors: str = "raise",
    ) -> "pyarrow.Table":
        """Codes many documents in parallel; returns one row per event.

        Input: strings (ids are their positions, "0", "1", ...), mappings
        with ``text`` and optional ``id``, ``date``, ``title``, ``url`` (as
        the CLI's JSONL records), a pandas DataFrame or an Arrow table with
        those columns. ``threads`` defaults to one per core. A record with a
        bad date raises ``ValueError`` naming it, or with ``errors="skip"``
        is left out with a warning. The table's columns are :data:`COLUMNS`
        with the types of :func:`schema`, events in input order.
        """
        if errors not in ("raise", "skip"):
            raise ValueError(f'errors must be "raise" or "skip", not {errors!r}')
        if threads is not None and threads < 1:
            raise ValueError("threads must be at least 1")
        import pyarrow as pa

        ids, texts, dates, titles, urls = _columns(texts_or_records)
        columns, problems = self._inner.code_columns(ids, texts, dates, titles, urls, threads)
        if problems:
            message = "; ".join(m for _, m in problems[:5])
            if len(problems) > 5:
                message += f"; and {len(problems) - 5} more"
            if errors == "raise":
                raise ValueError(message)
            warnings.warn(f"{len(problems)} records not coded: {message}", stacklevel=2)
        target = schema()
        arrays = []
        for field in target:
            values = columns[field.name]
            if pa.types.is_date32(field.type):
                arrays.append(pa.array(values, pa.string()).cast(pa.date32()))
            else:
                arrays.append(pa.array(values, field.type))
        return pa.Table.from_arrays(arrays, schema=target)

    def code_batch_pandas(
        self,
        texts_or_records: Union[Iterable[Union[str, Record]], "pandas.DataFrame", "pyarrow.Table"],
        threads: Optional[int] = None,
        errors: str = "raise",
    ) -> "pandas.DataFrame":
        """:meth:`code_batch` as a pandas DataFrame."""
        return self.code_batch(texts_or_records, threads=threads, errors=errors).to_pandas()

    def __repr__(self) -> str:
        return f"casus.Pipeline(version={self.version!r})"


_SHARED: "dict[Optional[str], Pipeline]" = {}
_SHARED_LOCK = threading.Lock()


def shared_pipeline(dict_dir: Union[str, "os.PathLike[str]", None] = None) -> Pipeline:
    """One pipeline per process and dictionary folder, built on first use.

    For engines that call a function many times in one worker process
    (Spark's mapInArrow / mapInPandas, Dask, multiprocessing pools): the
    dictionaries are compiled once per process instead of once per call.
    The cache lives in this module, so it survives a function being
    pickled by value into each task.
    """
    key = None if dict_dir is None else os.path.abspath(os.fspath(dict_dir))
    with _SHARED_LOCK:
        pipeline = _SHARED.get(key)
        if pipeline is None:
            pipeline = _SHARED[key] = Pipeline(key)
        return pipeline
