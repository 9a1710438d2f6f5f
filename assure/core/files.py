"""Stored files (evidence, generated documents, statistics uploads) go through Django's storage
API, so an installation may keep them in its own folder (ASSURE_PRIVATE_FILES) or, with several
application servers, in an object store (docs/deployment.md). The few readers that need a file on
this machine's disk ask for one here."""

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath

from django.core.files.storage import FileSystemStorage
from django.db.models.fields.files import FieldFile

COPY_CHUNK_BYTES = 1 << 20


@contextmanager
def local_path(*, stored: FieldFile) -> Iterator[Path]:
    """A path on this machine's disk holding ``stored``'s content while the block runs: the file
    itself when its storage is a folder here, otherwise (an object store, say) a temporary copy
    with the same extension, removed afterwards."""
    if isinstance(stored.storage, FileSystemStorage):
        yield Path(stored.path)
        return
    with tempfile.TemporaryDirectory(prefix="assure-file-") as folder:
        copy = Path(folder) / f"stored{PurePath(stored.name).suffix}"
        with stored.open("rb") as source, copy.open("wb") as target:
            shutil.copyfileobj(source, target, COPY_CHUNK_BYTES)
        yield copy
