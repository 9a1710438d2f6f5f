"""Allegations records of one side of the permission matrix: each part of lado (referrals,
people, handling, figures) gives its samples and records here, in its own block.

Nobody in the matrix holds the ``lado`` grant, so every page about one referral answers no persona
here (they are in ``NARROWER`` as ``set()``); the grant's own tests are in ``assure/lado/tests/``."""

# --- referrals --------------------------------------------------------------------------------------
# The referral's pages take the side's open referral (accepting and declining refuse it, being no
# draft); the public form's confirmation and status links take a referral through the public form,
# made when first asked for, with the secrets of its links (only their digests are stored).
REFERRAL_SAMPLES: dict = {
    **{
        name: (lambda s: {"pk": s.lado_referral.pk})
        for name in ("lado:referral_detail", "lado:referral_edit", "lado:referral_accept", "lado:referral_decline")
    },
    "allegations:confirm": lambda s: {"token": _public_referral_token(s, "confirm")},
    "allegations:status": lambda s: {"token": _public_referral_token(s, "status")},
}


def _public_referral_token(side, link: str) -> str:
    """The secret of a link of the side's public referral (awaiting its referrer's confirmation,
    or confirmed and a draft), the referral made the first time it is asked for."""
    import datetime as dt

    from django.utils import timezone

    from assure.core.secrets import token_digest
    from assure.lado.models import Referral
    from assure.lado.tests.factories import ReferralFactory

    token = f"lado-{link}-{side.partnership.slug}"
    digest = token_digest(token)
    if link == "confirm":
        found = {"confirmation_digest": digest}
        more = {
            "status": Referral.Status.AWAITING_CONFIRMATION,
            "reference": f"P-{side.partnership.pk:012x}",
            "confirmation_expires": timezone.now() + dt.timedelta(hours=48),
        }
    else:
        found = {"status_digest": digest}
        more = {"status": Referral.Status.DRAFT}
    if not Referral.objects.filter(partnership=side.partnership, **found).exists():
        ReferralFactory(partnership=side.partnership, route=Referral.Route.PUBLIC, **found, **more)
    return token


# --- people -----------------------------------------------------------------------------------------
PEOPLE_SAMPLES: dict = {
    "lado:person_detail": lambda s: {"pk": s.lado_person.pk},
    "lado:person_edit": lambda s: {"pk": s.lado_person.pk},
    # The draft's person is another record of the side: the decision between the two.
    "lado:match_decide": lambda s: {"pk": s.lado_person.pk, "other": s.lado_draft.person.pk},
    "lado:person_set": lambda s: {"referral": s.lado_referral.pk},
}

# --- handling ---------------------------------------------------------------------------------------
# The handling pages take the side's open referral, its meeting and its update asked of the
# employer; the public answer page the update's link, whose secret is derived from the update (its
# digest is stored on the update when first asked for).
HANDLING_SAMPLES: dict = {
    **{
        name: (lambda s: {"pk": s.lado_referral.pk})
        for name in (
            "lado:referral_consideration",
            "lado:referral_police",
            "lado:referral_employer",
            "lado:referral_onward",
            "lado:referral_close",
            "lado:referral_reopen",
            "lado:meeting_add",
            "lado:update_ask",
        )
    },
    "lado:meeting_edit": lambda s: {"pk": s.lado_meeting.pk},
    "lado:meeting_remove": lambda s: {"pk": s.lado_meeting.pk},
    "lado:update_remind": lambda s: {"pk": s.lado_update.pk},
    "lado:update_withdraw": lambda s: {"pk": s.lado_update.pk},
    "allegations:update": lambda s: {"token": _update_token(s)},
}


def _update_token(side) -> str:
    """The secret of the link to the side's update asked of the employer."""
    from assure.core.secrets import token_digest
    from assure.lado.services.updates import update_token

    update = side.lado_update
    token = update_token(update)
    if update.token_digest != token_digest(token):
        update.token_digest = token_digest(token)
        update.save(update_fields=["token_digest"])
    return token


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
