"""The audits app's demo content for Shropshire: the 2014-15 programme of termly multi-agency
case-file audits, every one reported; the themed audit of children on a second child protection
plan (September 2014) with its findings and actions, and its re-audit in progress; the live audits
of the terms around the day of loading (one in moderation, one with the agencies answering, one
planned); and the child protection conferences quality-assured in 2013-14 and 2014-15."""

import datetime as dt


def audits_demo_load(*, partnerships: dict, agencies: dict, users: dict, today: dt.date) -> None:
    """Write the audits records of the demo region (called by assure.demo)."""
    from .conferences import conferences_demo_load
    from .programme import HISTORY, AuditsDemoWriter, live_specs
    from .themed import themed_actions_raise, themed_specs

    writer = AuditsDemoWriter(partnerships=partnerships, agencies=agencies, users=users, today=today)
    audits = writer.write([*HISTORY, *themed_specs(today), *live_specs(writer.framework, today)])
    themed_actions_raise(audits=audits, agencies=agencies, users=users, today=today)
    conferences_demo_load(partnerships=partnerships, users=users, today=today)
