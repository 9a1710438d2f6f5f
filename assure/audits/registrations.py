"""Everything audits offers the tenant core's registration points (the menu, what waits on the
home page, reminder sources, computed indicators, linkable records), called once from
``AuditsConfig.ready``. Each part of audits keeps its own function here."""


def register_all() -> None:
    programme()
    cases()
    findings()
    conferences()


def programme() -> None:
    """The audit programme, its audits and the case files audited: the part "Case-file audits"
    of Performance and assurance, beside Section 11."""
    from assure.core.menu import Part, register

    from .selectors.programme import audits_under_way

    register(
        Part(
            group="assurance",
            label="Case-file audits",
            url_name="audits:programme",
            permission="audits.view",
            description="The termly programme of multi-agency case-file audits and the themed audits: the "
            "agencies' answers, the lead auditors' grades, moderation and what the audits found.",
            waiting=audits_under_way,
            order=40,
        )
    )


def cases() -> None:
    """The case files audited: what waits on the home page (answers to give, files to grade,
    answers overdue, files to moderate) and the daily reminders of answers awaited."""
    from assure.core.waiting import WaitingKind, register_waiting
    from assure.notifications.reminders import register_reminder_source

    from . import waiting_cases as waiting

    register_waiting(
        WaitingKind(
            key=waiting.ANSWERS_TO_GIVE,
            label="Case-file audit answers to give",
            order=26,
            items=waiting.answers_to_give,
        ),
        WaitingKind(key=waiting.CASES_TO_GRADE, label="Case files to grade", order=27, items=waiting.cases_to_grade),
        WaitingKind(
            key=waiting.ANSWERS_OVERDUE, label="Audit answers overdue", order=64, items=waiting.answers_overdue
        ),
        WaitingKind(
            key=waiting.CASES_TO_MODERATE, label="Case files to moderate", order=68, items=waiting.cases_to_moderate
        ),
    )
    register_reminder_source("audit-answers", waiting.answers_reminders_due)


def findings() -> None:
    """Findings, the actions they raise, themed audits and re-audits: the results of the audits
    in the menu, and audits and their findings as records other parts may point at."""
    from assure.core.menu import Part, register

    from .links import register_links

    register(
        Part(
            group="assurance",
            label="Audit results",
            url_name="audits:results",
            permission="audits.view",
            description="What the case-file audits found: the grades term by term, the share answering yes to "
            "each question of the audit tool, and the findings with the actions they raised.",
            order=41,
            covers=("audits:results", "audits:audit_compare"),
        )
    )
    register_links()


def conferences() -> None:
    """The quality assurance of child protection conferences: the figures counted from their
    checklists and from the case files audited, and the conferences' place in the menu."""
    from assure.core.computations import register_computation
    from assure.core.menu import Part, register

    from . import computations as figures

    register(
        Part(
            group="assurance",
            label="Conference quality assurance",
            url_name="audits:conferences",
            permission="conferences.view",
            description="The chairs' quality-assurance checklists of child protection conferences: the year's "
            "percentage answering yes to each question beside the year before, and the agencies absent.",
            order=45,
            covers=("audits:conferences", "audits:conference_detail", "audits:conference_year"),
        ),
        Part(
            group="assurance",
            label="Conference checklists",
            url_name="audits:conferences_recorded",
            permission="conferences.record",
            description="Record a child protection conference and answer its quality-assurance checklist.",
            order=46,
            covers=("audits:conferences_recorded", "audits:conference_record", "audits:conference_checklist"),
        ),
    )
    register_computation(
        "audits.conferences_checked",
        figures.conferences_checked,
        "Child protection conferences whose quality-assurance checklist was submitted, by the conference's date.",
    )
    register_computation(
        "audits.conference_yes_percent",
        figures.conference_yes_percent,
        "Of the submitted conference checklists that asked a question, the percentage answering yes (or the "
        "answer named).",
        parameters={"question": figures.QUESTION, "answer": figures.ANSWER},
    )
    register_computation(
        "audits.conferences_with_absence",
        figures.conferences_with_absence,
        "Conferences of the year at which an agency was not adequately represented, from their checklists.",
        parameters={"question": figures.ABSENCES},
    )
    register_computation(
        "audits.conference_absence_percent",
        figures.conference_absence_percent,
        "The percentage of conferences with an agency absent or, for one agency, the percentage of those "
        "conferences it was absent from.",
        parameters={"question": figures.ABSENCES, "agency": figures.AGENCY},
    )
    register_computation(
        "audits.case_files_audited",
        figures.case_files_audited,
        "Case files of the partnership's multi-agency audits moderated in the financial year.",
    )
