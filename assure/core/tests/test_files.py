from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.db.models.fields.files import FieldFile, FileField

from assure.core.files import local_path

CONTENT = b"area,year,value\nE06000001,2024,12\n"


def _stored(storage) -> FieldFile:
    field = FileField(storage=storage)
    field.name = "upload"
    name = storage.save("statistics/figures.csv", ContentFile(CONTENT))
    return FieldFile(instance=None, field=field, name=name)


def test_a_file_in_a_folder_here_is_read_where_it_is(tmp_path):
    stored = _stored(FileSystemStorage(location=tmp_path))
    with local_path(stored=stored) as path:
        assert path == tmp_path / stored.name
        assert path.read_bytes() == CONTENT


def test_a_file_kept_elsewhere_is_copied_for_the_block_and_the_copy_removed():
    stored = _stored(InMemoryStorage())
    with local_path(stored=stored) as path:
        assert path.suffix == ".csv"
        assert path.read_bytes() == CONTENT
    assert not path.exists()
