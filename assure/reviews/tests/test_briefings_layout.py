"""The library's briefing layouts (kind ``briefing-layout``): the 7-minute briefing Assure ships,
and a layout naming one section twice refused."""

import pytest
from pydantic import ValidationError

from assure.library.schemas_briefings import BriefingLayoutItem
from assure.reviews.selectors.briefings import layout_for, layout_of

SEVEN_MINUTES = ["background", "why-it-matters", "what-we-found", "what-to-do", "questions", "further-reading"]


def test_the_seven_minute_briefing_has_its_six_sections_in_order(partnership):
    layout = layout_of(layout_for(partnership))

    assert [section.code for section in layout.sections] == SEVEN_MINUTES


def test_only_further_reading_may_be_left_out(partnership):
    layout = layout_of(layout_for(partnership))

    assert [section.code for section in layout.sections if not section.required] == ["further-reading"]


def test_a_section_named_twice_is_refused():
    section = {"code": "background", "title": "Background", "help": "What happened."}

    with pytest.raises(ValidationError, match="repeated: background"):
        BriefingLayoutItem.model_validate(
            {
                "urn": "urn:assure:briefing-layout:twice",
                "code": "twice",
                "title": "Twice",
                "description": "A layout naming a section twice.",
                "sections": [section, section],
            }
        )
