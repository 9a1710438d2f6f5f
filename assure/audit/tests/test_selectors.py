from auditlog.context import set_actor
from django.contrib.contenttypes.models import ContentType

from assure.audit.models import AccessLog, Event
from assure.audit.selectors import (
    access_log_visible_to,
    event_people,
    event_verbs,
    events_about,
    events_visible_to,
    trail_entries_visible_to,
    trail_people,
)
from assure.audit.services import event_record, restricted_read_record
from assure.partnerships.tests.factories import ConfidentialMinuteFactory, SubgroupFactory


def test_trail_shows_changes_to_the_partnerships_records(business_unit, partnership):
    subgroup = SubgroupFactory(partnership=partnership, name="Quality assurance")
    entries = trail_entries_visible_to(user=business_unit, partnership=partnership)
    assert entries.filter(object_pk=str(subgroup.pk), content_type__model="subgroup").exists()


def test_trail_never_shows_a_record_of_another_partnership(business_unit, partnership, other_partnership):
    subgroup = SubgroupFactory(partnership=other_partnership, name="Southshire only")
    entries = trail_entries_visible_to(user=business_unit, partnership=partnership)
    assert not entries.filter(object_pk=str(subgroup.pk), content_type__model="subgroup").exists()


def test_change_to_a_shared_agency_appears_in_both_partnerships_trails(
    business_unit, outsider, partnership, other_partnership, other_agency
):
    other_agency.name = "Mercian Constabulary"
    other_agency.save()
    for user, where in ((business_unit, partnership), (outsider, other_partnership)):
        entries = trail_entries_visible_to(user=user, partnership=where)
        assert entries.filter(object_repr="Mercian Constabulary").exists()


def test_change_to_an_agency_of_one_partnership_stays_in_its_trail(outsider, other_partnership, agency):
    agency.name = "Northshire Health and Care Trust"
    agency.save()
    entries = trail_entries_visible_to(user=outsider, partnership=other_partnership)
    assert not entries.filter(object_repr="Northshire Health and Care Trust").exists()


def test_only_people_with_audit_view_read_the_trail(board_member, agency_lead, partnership):
    SubgroupFactory(partnership=partnership)
    for user in (board_member, agency_lead):
        assert not trail_entries_visible_to(user=user, partnership=partnership).exists()


def test_people_in_the_trail_are_those_who_changed_something(business_unit, partnership):
    with set_actor(business_unit):
        SubgroupFactory(partnership=partnership)
    assert list(trail_people(user=business_unit, partnership=partnership)) == [business_unit]


def test_events_of_the_partnership_are_listed_newest_first(business_unit, partnership, other_partnership):
    first = event_record(actor=business_unit, verb="member.added", target=None, partnership=partnership, summary="1")
    second = event_record(actor=business_unit, verb="role.changed", target=None, partnership=partnership, summary="2")
    event_record(actor=business_unit, verb="member.added", target=None, partnership=other_partnership, summary="3")
    assert list(events_visible_to(user=business_unit, partnership=partnership)) == [second, first]


def test_event_verbs_are_those_recorded_here(business_unit, partnership, other_partnership):
    event_record(actor=business_unit, verb="member.added", target=None, partnership=partnership, summary="1")
    event_record(actor=business_unit, verb="agency.added", target=None, partnership=other_partnership, summary="2")
    assert event_verbs(user=business_unit, partnership=partnership) == ["member.added"]


def test_events_are_hidden_from_people_without_audit_view(board_member, business_unit, partnership):
    event_record(actor=business_unit, verb="member.added", target=None, partnership=partnership, summary="1")
    assert not events_visible_to(user=board_member, partnership=partnership).exists()


def test_events_about_a_record_are_its_own_newest_first(business_unit, partnership, agency):
    subgroup, other = SubgroupFactory(partnership=partnership), SubgroupFactory(partnership=partnership)
    first = event_record(
        actor=business_unit, verb="subgroup.added", target=subgroup, partnership=partnership, summary="1"
    )
    second = event_record(
        actor=business_unit, verb="subgroup.renamed", target=subgroup, partnership=partnership, summary="2"
    )
    event_record(actor=business_unit, verb="subgroup.added", target=other, partnership=partnership, summary="3")
    # Another kind of record that happens to have the same id is another record.
    Event.objects.create(
        verb="agency.added",
        target_type=ContentType.objects.get_for_model(agency),
        target_id=str(subgroup.pk),
        partnership=partnership,
        summary="4",
    )
    assert list(events_about(target=subgroup)) == [second, first]


def test_events_about_a_record_can_be_of_one_verb(business_unit, partnership):
    subgroup = SubgroupFactory(partnership=partnership)
    added = event_record(
        actor=business_unit, verb="subgroup.added", target=subgroup, partnership=partnership, summary="1"
    )
    event_record(actor=business_unit, verb="subgroup.renamed", target=subgroup, partnership=partnership, summary="2")
    assert list(events_about(target=subgroup, verb="subgroup.added")) == [added]


def test_events_about_a_shared_record_come_from_every_partnership(
    business_unit, outsider, partnership, other_partnership, other_agency
):
    here = event_record(
        actor=business_unit, verb="agency.changed", target=other_agency, partnership=partnership, summary="1"
    )
    there = event_record(
        actor=outsider, verb="agency.changed", target=other_agency, partnership=other_partnership, summary="2"
    )
    assert list(events_about(target=other_agency)) == [there, here]


def test_access_log_lists_reads_of_this_partnerships_restricted_records(
    business_unit, board_member, partnership, other_partnership
):
    minute = ConfidentialMinuteFactory(meeting__partnership=partnership)
    mine = restricted_read_record(
        user=board_member, partnership=partnership, area="confidential-minutes", record=minute, label="Item 1"
    )
    restricted_read_record(
        user=board_member, partnership=other_partnership, area="confidential-minutes", record=minute, label="Item 2"
    )
    assert list(access_log_visible_to(user=business_unit, partnership=partnership)) == [mine]


def test_access_log_is_hidden_from_people_without_audit_view(board_member, partnership):
    minute = ConfidentialMinuteFactory(meeting__partnership=partnership)
    restricted_read_record(
        user=board_member, partnership=partnership, area="confidential-minutes", record=minute, label="Item 1"
    )
    assert AccessLog.objects.exists()
    assert not access_log_visible_to(user=board_member, partnership=partnership).exists()


# --- published statistics: the installation's events every partnership's trail shows ------------


def test_an_import_of_published_statistics_is_in_every_partnerships_trail(
    business_unit, outsider, operator, partnership, other_partnership, tmp_path
):
    from assure.performance.areas import areas_load
    from assure.performance.imports import import_statistics
    from assure.performance.tests.test_imports import C1, subset_file, year

    areas_load()
    import_statistics(path=subset_file(tmp_path, C1, year("2015")), mapping_code="dfe-c1", actor=operator)
    for user, where in ((business_unit, partnership), (outsider, other_partnership)):
        imported = events_visible_to(user=user, partnership=where).get(verb="statistics.imported")
        assert (imported.actor, imported.partnership) == (operator, None)
        assert "statistics.imported" in event_verbs(user=user, partnership=where)
        assert operator in event_people(user=user, partnership=where)


def test_making_or_ending_an_operator_stays_out_of_every_partnerships_trail(
    business_unit, operator, viewer, partnership
):
    from assure.accounts.services import operator_grant, operator_revoke

    operator_grant(actor=operator, user=viewer)
    operator_revoke(actor=operator, user=viewer)
    assert Event.objects.filter(verb__startswith="accounts.operator_", partnership=None).count() == 2
    assert not events_visible_to(user=business_unit, partnership=partnership).filter(
        verb__startswith="accounts.operator_"
    )
    assert not [verb for verb in event_verbs(user=business_unit, partnership=partnership) if "operator" in verb]


def test_other_events_without_a_partnership_stay_out_of_the_trail(business_unit, partnership):
    event_record(actor=None, verb="library.loaded", target=None, partnership=None, summary="Library loaded")
    assert not events_visible_to(user=business_unit, partnership=partnership).exists()


def test_another_partnerships_own_statistics_events_stay_in_its_trail(
    business_unit, outsider, partnership, other_partnership
):
    event_record(
        actor=outsider, verb="statistics.imported", target=None, partnership=other_partnership, summary="Local file"
    )
    assert not events_visible_to(user=business_unit, partnership=partnership).exists()


def test_installation_events_are_hidden_from_people_without_audit_view(board_member, operator, partnership):
    event_record(actor=operator, verb="statistics.imported", target=None, partnership=None, summary="Imported")
    assert not events_visible_to(user=board_member, partnership=partnership).exists()
