"""Type stubs of the native extension (crates/casus-py/src/lib.rs)."""

from typing import Any, Optional

COLUMNS: list[str]

class DictionaryError(ValueError):
    """A dictionary file is wrong; the message names each file and line."""

class Pipeline:
    def __init__(self, dict_dir: Optional[str] = None, monadic: bool = False) -> None: ...
    @property
    def version(self) -> str: ...
    def code(
        self,
        text: str,
        date: Optional[str] = None,
        doc_id: Optional[str] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
    ) -> list[dict[str, Any]]: ...
    def code_columns(
        self,
        ids: list[str],
        texts: list[str],
        dates: list[Optional[str]],
        titles: list[Optional[str]],
        urls: list[Optional[str]],
        threads: Optional[int] = None,
    ) -> tuple[dict[str, list[Any]], list[tuple[int, str]]]: ...
