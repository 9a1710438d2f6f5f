"""Challenges other parts of Assure may point at (``assure/core/links.py``): a challenge as an
agenda item's paper, a challenge as evidence of a plan's review. Registered from
``registrations.challenges``. Challenges are found through ``challenges_visible_to``, given the
user, so nobody links a challenge they may not read."""

from assure.core.links import LinkableKind, register_linkable


def _label(challenge) -> str:
    return f"Challenge {challenge.reference} to {challenge.agency}: {challenge.subject}"[:200]


def challenge_choices(*, user, partnership) -> list[tuple[str, str]]:
    """The challenges of the partnership's log the user may read, newest first."""
    from .selectors.challenges import challenges_visible_to

    challenges = challenges_visible_to(user=user, partnership=partnership).order_by("-raised_on", "-pk")
    return [(str(c.pk), f"{_label(c)} ({c.get_status_display().lower()})") for c in challenges]


def challenge_find(*, user, partnership, pk):
    """The challenge ``pk`` when the user may read it in the partnership, else None."""
    from .selectors.challenges import challenges_visible_to

    if not str(pk).isdigit():
        return None
    return challenges_visible_to(user=user, partnership=partnership).filter(pk=int(pk)).first()


def register_links() -> None:
    register_linkable(
        LinkableKind(
            key="governance.challenge",
            label="Challenge",
            model="governance.challenge",
            choices=challenge_choices,
            find=challenge_find,
            url=lambda challenge: challenge.get_absolute_url(),
            uses=frozenset({"paper", "evidence"}),
            describe=_label,
        )
    )
