"""Allegations records of one side of the permission matrix: each part of lado (referrals,
people, handling, figures) gives its samples and records here, in its own block.

Nobody in the matrix holds the ``lado`` grant, so every page about one referral answers no persona
here (they are in ``NARROWER`` as ``set()``); the grant's own tests are in ``assure/lado/tests/``."""

# --- referrals --------------------------------------------------------------------------------------
REFERRAL_SAMPLES: dict = {}

# --- people -----------------------------------------------------------------------------------------
PEOPLE_SAMPLES: dict = {}

# --- handling ---------------------------------------------------------------------------------------
HANDLING_SAMPLES: dict = {}

# --- figures ----------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {}


def lado_records(partnership, agency, recorder) -> dict:
    """An open referral with its person, a child, a joint evaluation meeting and an update asked of
    the employer; and a draft from an employer."""
    from assure.lado.tests.factories import (
        ChildFactory,
        MeetingFactory,
        ReferralFactory,
        UpdateRequestFactory,
    )

    referral = ReferralFactory(partnership=partnership)
    ChildFactory(referral=referral)
    return {
        "lado_referral": referral,
        "lado_person": referral.person,
        "lado_draft": ReferralFactory(partnership=partnership, status="draft", route="member"),
        "lado_meeting": MeetingFactory(referral=referral),
        "lado_update": UpdateRequestFactory(referral=referral),
    }


LADO_SAMPLES = {**REFERRAL_SAMPLES, **PEOPLE_SAMPLES, **HANDLING_SAMPLES, **FIGURES_SAMPLES}
