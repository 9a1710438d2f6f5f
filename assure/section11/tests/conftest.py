import pytest


@pytest.fixture(autouse=True)
def _private_files(settings, tmp_path):
    """Evidence files of a test go to a directory of its own."""
    settings.MEDIA_ROOT = tmp_path / "private"
