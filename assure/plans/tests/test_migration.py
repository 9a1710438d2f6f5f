"""The scorecard's and the annual report's priorities become the business plan's: the data written
before the change (priorities, the scorecard lines under them, report sections about them) comes
through the migrations with the same ids, in a plan of its partnership."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("performance", "0011_exception_report_one_per_meeting"),
    ("reports", "0003_section_draft_omitted_editions"),
    ("plans", "0001_initial"),
]
AFTER = [
    ("performance", "0014_delete_priority"),
    ("reports", "0004_section_plan_priority"),
]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _latest():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()


@pytest.fixture
def before():
    """The database as it was before the change; put back to the latest afterwards."""
    apps = _migrate(BEFORE)
    yield apps
    _migrate(_latest())


def _world(apps):
    """A partnership with two scorecard priorities (one holding a line), another partnership
    with one, and an annual report with a section about each of the first's priorities."""
    Partnership = apps.get_model("partnerships", "Partnership")
    Priority = apps.get_model("performance", "Priority")
    ScorecardLine = apps.get_model("performance", "ScorecardLine")
    Indicator = apps.get_model("performance", "Indicator")
    LibraryItem = apps.get_model("library", "LibraryItem")
    User = apps.get_model("accounts", "User")
    Report = apps.get_model("reports", "Report")
    Section = apps.get_model("reports", "Section")

    northshire = Partnership.objects.create(name="Northshire Safeguarding Children Board", slug="northshire")
    southshire = Partnership.objects.create(name="Southshire Safeguarding Children Board", slug="southshire")
    parenting = Priority.objects.create(partnership=northshire, title="Compromised parenting", position=1)
    missing = Priority.objects.create(
        partnership=northshire, title="Children who go missing", description="And exploitation.", position=2
    )
    elsewhere = Priority.objects.create(partnership=southshire, title="Early help", position=1)
    line = ScorecardLine.objects.create(
        partnership=northshire, priority=missing, indicator=Indicator.objects.order_by("pk").first()
    )
    author = User.objects.create(email="writer@example.test")
    report = Report.objects.create(
        partnership=northshire,
        kind="annual",
        title="Annual report 2014-15",
        year="2014-15",
        template=LibraryItem.objects.filter(kind="report-template").order_by("pk").first(),
        created_by=author,
    )
    sections = [
        Section.objects.create(report=report, position=n, key="priority", title=p.title, priority=p)
        for n, p in enumerate([parenting, missing], start=1)
    ]
    return {
        "northshire": northshire.pk,
        "southshire": southshire.pk,
        "priorities": {parenting.pk: parenting.title, missing.pk: missing.title, elsewhere.pk: elsewhere.title},
        "northshire_priorities": {parenting.pk, missing.pk},
        "missing": missing.pk,
        "line": line.pk,
        "sections": {section.pk: section.priority_id for section in sections},
    }


@pytest.mark.django_db(transaction=True)
def test_priorities_keep_their_ids_and_titles_in_the_plan(before):
    world = _world(before)
    apps = _migrate(AFTER)
    Priority = apps.get_model("plans", "Priority")
    assert dict(Priority.objects.values_list("pk", "title")) == world["priorities"]
    assert Priority.objects.get(pk=world["missing"]).description == "And exploitation."


@pytest.mark.django_db(transaction=True)
def test_each_partnership_with_priorities_gets_one_plan_holding_them(before):
    world = _world(before)
    apps = _migrate(AFTER)
    Plan = apps.get_model("plans", "Plan")
    plans = {plan.partnership_id: plan for plan in Plan.objects.all()}
    assert set(plans) == {world["northshire"], world["southshire"]}
    assert plans[world["northshire"]].title == "Business plan" and plans[world["northshire"]].period == ""
    assert set(plans[world["northshire"]].priorities.values_list("pk", flat=True)) == world["northshire_priorities"]


@pytest.mark.django_db(transaction=True)
def test_scorecard_lines_stay_under_the_same_priority(before):
    world = _world(before)
    apps = _migrate(AFTER)
    ScorecardLine = apps.get_model("performance", "ScorecardLine")
    line = ScorecardLine.objects.select_related("priority").get(pk=world["line"])
    assert line.priority_id == world["missing"]
    assert line.priority.title == "Children who go missing"
    assert line.priority._meta.app_label == "plans"


@pytest.mark.django_db(transaction=True)
def test_report_sections_stay_about_the_same_priority(before):
    world = _world(before)
    apps = _migrate(AFTER)
    Section = apps.get_model("reports", "Section")
    assert dict(Section.objects.values_list("pk", "priority_id")) == world["sections"]
    assert Section.objects.get(pk=min(world["sections"])).priority.title == "Compromised parenting"


@pytest.mark.django_db(transaction=True)
def test_a_priority_added_after_the_move_takes_a_new_id(before):
    world = _world(before)
    apps = _migrate(AFTER)
    Plan = apps.get_model("plans", "Plan")
    Priority = apps.get_model("plans", "Priority")
    plan = Plan.objects.get(partnership_id=world["northshire"])
    added = Priority.objects.create(plan=plan, partnership_id=world["northshire"], title="Communication")
    assert added.pk not in world["priorities"]


RETIRED = [("reports", "0006_delete_evidence")]


def _report_writing(apps, world):
    """Before the evidence moved: the report's section about "Children who go missing" holds an
    indicator as evidence and its "What we did" and "What we will do next" subsections are written."""
    Section = apps.get_model("reports", "Section")
    Evidence = apps.get_model("reports", "Evidence")
    Indicator = apps.get_model("performance", "Indicator")
    parent = Section.objects.get(priority_id=world["missing"])
    indicator = Indicator.objects.order_by("pk").first()
    Evidence.objects.create(section=parent, indicator=indicator, note="Fewer children went missing twice.")
    for position, (key, body) in enumerate(
        [("priority-done", "We set up the missing children panel."), ("priority-next", "We will audit return talks.")],
        start=10,
    ):
        Section.objects.create(report=parent.report, parent=parent, position=position, key=key, title=key, body=body)
    return indicator.pk


@pytest.mark.django_db(transaction=True)
def test_a_report_sections_evidence_becomes_the_years_review_evidence(before):
    world = _world(before)
    indicator_pk = _report_writing(_migrate(AFTER), world)
    apps = _migrate(RETIRED)
    PriorityReview = apps.get_model("plans", "PriorityReview")
    review = PriorityReview.objects.get(priority_id=world["missing"], year="2014-15")
    evidence = review.evidence.get()
    assert (evidence.target_type.model, evidence.target_id) == ("indicator", str(indicator_pk))
    assert evidence.label.startswith("Indicator: ")
    assert evidence.note == "Fewer children went missing twice."


@pytest.mark.django_db(transaction=True)
def test_a_report_sections_writing_becomes_the_years_review_answers(before):
    world = _world(before)
    _report_writing(_migrate(AFTER), world)
    apps = _migrate(RETIRED)
    review = apps.get_model("plans", "PriorityReview").objects.get(priority_id=world["missing"], year="2014-15")
    assert review.what_done == "We set up the missing children panel."
    assert review.what_next == "We will audit return talks."
    assert review.what_difference == ""
