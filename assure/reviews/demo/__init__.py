"""The demo's case reviews: Shropshire's 2014-15 case considerations, the serious case review led by
another board, three multi-agency audits (one with a learning event) and the SCIE learning review
of the child sexual exploitation strategy and panel, with their recommendations, action plans and
progress; two learning briefings on the public page; and one current rapid review whose clocks are
running (dated from the day the demo is loaded). Each part keeps its own module; ``made`` carries
what one part made to the next."""


def reviews_demo_load(*, partnerships, agencies, users, today) -> None:
    from . import briefings, incidents, recommendations, referrals, reviews

    made: dict = {}
    for part in (referrals, reviews, recommendations, incidents, briefings):
        part.load(partnerships=partnerships, agencies=agencies, users=users, today=today, made=made)
