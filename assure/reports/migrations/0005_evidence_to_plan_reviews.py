"""The annual report's priority sections stop holding their own evidence and their own "What we
did" / "What we will do next" text: the business plan's yearly review of each priority holds
them, and the report shows it. Each piece of evidence linked to a priority section becomes
evidence of the review of that priority for the report's year, and the text of the two
subsections fills the review's answers where the review has none yet (the latest edition first).
Published reports keep their frozen blocks, so they read exactly as before."""

import re

from django.db import migrations
from django.utils import timezone

YEAR = re.compile(r"^\d{4}-\d{2}$")
ANSWERS = {"priority-done": "what_done", "priority-next": "what_next"}


def _review(apps, priority_id: int, year: str):
    PriorityReview = apps.get_model("plans", "PriorityReview")
    review, _ = PriorityReview.objects.get_or_create(
        priority_id=priority_id, year=year, defaults={"updated_at": timezone.now()}
    )
    return review


def _target(apps, item):
    """(content type, id, label) of the record a report's evidence pointed at."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    if item.indicator_id:
        kind = ContentType.objects.get_for_model(apps.get_model("performance", "Indicator"))
        return kind, item.indicator_id, f"Indicator: {item.indicator.definition.title}"
    if item.cycle_id:
        kind = ContentType.objects.get_for_model(apps.get_model("section11", "Cycle"))
        return kind, item.cycle_id, f"Section 11 cycle: {item.cycle.title}"
    kind = ContentType.objects.get_for_model(apps.get_model("actions", "Action"))
    return kind, item.action_id, f"Action {item.action.reference}: {item.action.title}"


def evidence_and_text_to_reviews(apps, schema_editor):
    Evidence = apps.get_model("reports", "Evidence")
    Section = apps.get_model("reports", "Section")
    ReviewEvidence = apps.get_model("plans", "ReviewEvidence")
    evidence = Evidence.objects.select_related(
        "section__report", "indicator__definition", "cycle", "action"
    ).order_by("-section__report__edition", "pk")
    for item in evidence:
        section, report = item.section, item.section.report
        if section.priority_id is None or not YEAR.match(report.year or ""):
            continue
        review = _review(apps, section.priority_id, report.year)
        target_type, target_id, label = _target(apps, item)
        if ReviewEvidence.objects.filter(review=review, target_type=target_type, target_id=str(target_id)).exists():
            continue
        ReviewEvidence.objects.create(
            review=review,
            target_type=target_type,
            target_id=str(target_id),
            label=label[:200],
            note=item.note,
            position=ReviewEvidence.objects.filter(review=review).count(),
        )
    subsections = Section.objects.filter(
        key__in=list(ANSWERS), parent__priority__isnull=False, report__kind="annual"
    ).select_related("parent", "report")
    for section in subsections.order_by("-report__edition", "pk"):
        body = section.body.strip()
        if not body or not YEAR.match(section.report.year or ""):
            continue
        review = _review(apps, section.parent.priority_id, section.report.year)
        field = ANSWERS[section.key]
        if not getattr(review, field):
            setattr(review, field, body)
            review.save(update_fields=[field])


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0004_section_plan_priority"),
        ("plans", "0001_initial"),
        ("performance", "0014_delete_priority"),
        ("section11", "0001_initial"),
        ("actions", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(evidence_and_text_to_reviews, migrations.RunPython.noop),
    ]
