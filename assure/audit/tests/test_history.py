from auditlog.models import LogEntry

from assure.actions.models import Action
from assure.actions.tests.factories import ActionFactory
from assure.audit.history import MASKED, describe_changes, entry_action_label, entry_record_type
from assure.partnerships.tests.factories import ConfidentialMinuteFactory


def latest_entry(record) -> LogEntry:
    return LogEntry.objects.get_for_object(record).order_by("-pk").first()


def test_masked_field_shows_as_masked_never_its_text(partnership):
    minute = ConfidentialMinuteFactory(meeting__partnership=partnership, text="Old wording about a staffing matter")
    minute.text = "New wording naming the person concerned"
    minute.save()
    changes = describe_changes(latest_entry(minute))
    shown = " ".join(str(change) for change in changes)
    assert [change.new for change in changes if change.field == "Text"] == [MASKED]
    assert "concerned" not in shown
    assert "staffing matter" not in shown


def test_change_reads_field_old_then_new(partnership, agency):
    action = ActionFactory(partnership=partnership, owner_agency=agency, title="First title")
    action.title = "Second title"
    action.save()
    assert [str(change) for change in describe_changes(latest_entry(action))] == ["Title: First title → Second title"]


def test_choices_show_their_labels(partnership, agency):
    action = ActionFactory(partnership=partnership, owner_agency=agency)
    action.status = Action.Status.IN_PROGRESS
    action.save()
    assert str(describe_changes(latest_entry(action))[0]) == "Status: Not started → In progress"


def test_related_records_show_their_names(partnership, agency, other_agency):
    action = ActionFactory(partnership=partnership, owner_agency=agency)
    action.owner_agency = other_agency
    action.save()
    assert str(describe_changes(latest_entry(action))[0]) == f"Owner agency: {agency.name} → {other_agency.name}"


def test_creation_lists_the_values_given_without_empty_ones(partnership, agency):
    action = ActionFactory(partnership=partnership, owner_agency=agency, title="Brand new")
    changes = describe_changes(latest_entry(action))
    assert "Title: Brand new" in [str(change) for change in changes]
    assert "Description" not in [change.field for change in changes]


def test_entry_says_what_kind_of_record_and_change(partnership, agency):
    entry = latest_entry(ActionFactory(partnership=partnership, owner_agency=agency))
    assert (entry_record_type(entry), entry_action_label(entry)) == ("Action", "Created")


def test_masking_for_storage_keeps_nothing_of_the_value():
    from assure.audit.masking import mask_completely

    assert mask_completely("The person concerned was suspended") == "masked"
