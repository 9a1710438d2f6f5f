"""Registers' records of one side of the permission matrix: each part of the registers (entries,
uploads, providers, figures, retention) gives its samples here, in its own block.

The side's entry is a MARAC case of the side's agency (the agency lead's, a police force), so the
agency lead reads it; its placement notification is another provider's, not the provider
persona's (NARROWER for the persona; their own are covered in assure/registers/tests/)."""

# --- entries ------------------------------------------------------------------------------------
ENTRY_SAMPLES: dict = {
    "registers:entries": lambda s: {"kind": "marac-case"},
    "registers:entry_create": lambda s: {"kind": "marac-case"},
    "registers:entry_detail": lambda s: {"pk": s.registers_entry.pk},
    "registers:entry_edit": lambda s: {"pk": s.registers_entry.pk},
    "registers:entry_delete": lambda s: {"pk": s.registers_entry.pk},
    "registers:entry_answers": lambda s: {"pk": s.registers_placement.pk},
}

# --- uploads ------------------------------------------------------------------------------------
UPLOAD_SAMPLES: dict = {
    "registers:upload": lambda s: {"kind": "marac-case"},
    "registers:upload_template": lambda s: {"kind": "marac-case", "fmt": "csv"},
    "registers:upload_detail": lambda s: {"pk": s.registers_upload.pk},
    "registers:upload_delete": lambda s: {"pk": s.registers_upload.pk},
}

# --- providers ----------------------------------------------------------------------------------
PROVIDER_SAMPLES: dict = {
    "registers:provider_review": lambda s: {"pk": s.registers_to_review.pk},
    "registers:notification_detail": lambda s: {"pk": s.registers_notification.pk},
    "registers:notification_answers": lambda s: {"pk": s.registers_notification.pk},
    # A public page must answer below 400: a live link of the side's own.
    "providers:verify": lambda s: {"token": _provider_verification_token(s)},
}


def _provider_verification_token(side) -> str:
    """The secret of a verification link of a provider of the side who signed up and has not yet
    followed it, made the first time it is asked for."""
    import datetime as dt

    from django.utils import timezone

    from assure.core.secrets import token_digest
    from assure.registers.models import Provider
    from assure.registers.tests.factories import ProviderFactory

    token = f"provider-verify-{side.partnership.slug}"
    digest = token_digest(token)
    if not Provider.objects.filter(partnership=side.partnership, verification_digest=digest).exists():
        ProviderFactory(
            partnership=side.partnership,
            status=Provider.Status.TO_REVIEW,
            verified_at=None,
            reviewed_at=None,
            verification_digest=digest,
            verification_expires=timezone.now() + dt.timedelta(hours=24),
        )
    return token


# --- figures ------------------------------------------------------------------------------------
FIGURES_SAMPLES: dict = {
    "registers:kind_figures": lambda s: {"kind": "marac-case"},
    "registers:kind_figures_download": lambda s: {"kind": "marac-case"},
    "registers:monitored_under": lambda s: {"kind": "marac-case"},
}

# --- retention ----------------------------------------------------------------------------------
RETENTION_SAMPLES: dict = {}


def registers_records(partnership, agency, recorder) -> dict:
    """A MARAC case of the side's agency, an upload of the agency's, a placement notification of
    another verified provider, a provider waiting for the business unit's check, and a retention
    run."""
    import datetime as dt

    from django.utils import timezone

    from assure.partnerships.tests.factories import AgencyFactory, library_item
    from assure.registers.models import Entry, Provider
    from assure.registers.tests.factories import EntryFactory, ProviderFactory, RetentionRunFactory, UploadFactory

    council = AgencyFactory(
        partnerships=[partnership], agency_type=library_item("agency-type", "childrens-social-care")
    )
    provider = ProviderFactory(partnership=partnership, organisation="Riverside Children's Homes")
    moved = timezone.localdate() - dt.timedelta(days=3)
    notification = EntryFactory(
        partnership=partnership,
        kind_code="placement-notification",
        agency=council,
        agency_reference="RCH-0042",
        age=14,
        sex="female",
        area="North",
        values={
            "moved-in-on": moved.isoformat(),
            "notified-on": moved.isoformat(),
            "placing-authority": "other-authority",
            "setting": "childrens-home",
            "home": "Oak Lodge",
            "missing-before": "yes",
            "cse-risk": "at-risk",
        },
        source=Entry.Source.PROVIDER,
        provider=provider,
        recorded_by=provider.user,
    )
    return {
        "registers_entry": EntryFactory(partnership=partnership, agency=agency, recorded_by=recorder),
        "registers_upload": UploadFactory(partnership=partnership, agency=agency, uploaded_by=recorder),
        "registers_council": council,
        "registers_provider": provider,
        "registers_notification": notification,
        "registers_to_review": ProviderFactory(
            partnership=partnership, organisation="Meadow View Care Ltd", status=Provider.Status.TO_REVIEW
        ),
        "registers_run": RetentionRunFactory(),
        **_entry_records(partnership, council, recorder),
    }


def _entry_records(partnership, council, recorder) -> dict:
    """A placement notification the council recorded on the form, its CSE risk assessment begun."""
    from assure.library.selectors import current_item
    from assure.questionnaires.services import response_start
    from assure.registers.models import Entry
    from assure.registers.tests.factories import EntryFactory, placement_values

    placement = EntryFactory(
        partnership=partnership,
        kind_code="placement-notification",
        agency=council,
        agency_reference="CSC/PL/0007",
        values=placement_values(),
        status=Entry.Status.DRAFT,
        recorded_by=recorder,
    )
    placement.response = response_start(
        actor=recorder,
        partnership=partnership,
        questionnaire=current_item(kind="questionnaire", code="cse-risk-assessment"),
        about=placement,
        agency=council,
    )
    placement.save(update_fields=["response"])
    return {"registers_placement": placement}


REGISTERS_SAMPLES = {
    **ENTRY_SAMPLES,
    **UPLOAD_SAMPLES,
    **PROVIDER_SAMPLES,
    **FIGURES_SAMPLES,
    **RETENTION_SAMPLES,
}
