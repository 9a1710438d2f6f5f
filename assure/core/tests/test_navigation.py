"""Where a button's form goes back to."""

import pytest

from assure.core.navigation import back_to


@pytest.mark.parametrize(
    ("posted", "expected"),
    [
        ("/p/northshire/", "/p/northshire/"),
        ("https://elsewhere.example.org/p/northshire/", "/fallback/"),
        ("//elsewhere.example.org/", "/fallback/"),
        ("", "/fallback/"),
    ],
)
def test_a_button_goes_back_only_to_a_page_of_this_site(rf, posted, expected):
    request = rf.post("/remind/", {"next": posted})
    assert back_to(request, "/fallback/") == expected
