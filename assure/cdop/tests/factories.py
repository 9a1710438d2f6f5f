"""Factories of the cdop app's records, one block per part; each part may add its own.

A death's panel is made with the partnership given as its host (and joined); its references are
taken installation-wide as the services number them, so a factory never takes the next one."""

import datetime as dt

import factory
from factory.django import DjangoModelFactory

from assure.cdop.models import AgencyReport, ChildDeath, Exchange, ExchangeCase, Factor, Panel, PanelPartnership
from assure.partnerships.tests.factories import AgencyFactory, PartnershipFactory


def next_reference(model, prefix: str, width: int = 4):
    """The next reference of ``model`` across the installation (the highest plus one)."""

    def reference(record) -> str:
        numbers = [
            int(ref.removeprefix(prefix))
            for ref in model.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
            if ref.removeprefix(prefix).isdigit()
        ]
        return f"{prefix}{max(numbers, default=0) + 1:0{width}d}"

    return factory.LazyAttribute(reference)


# --- panels ---------------------------------------------------------------------------------------


class PanelFactory(DjangoModelFactory):
    class Meta:
        model = Panel
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Child Death Overview Panel {n}")
    host = factory.SubFactory(PartnershipFactory)

    @factory.post_generation
    def partnerships(self, create, extracted, **kwargs):
        """The host is joined; ``partnerships=[...]`` joins others too."""
        if not create:
            return
        for partnership in [self.host, *(extracted or [])]:
            PanelPartnership.objects.get_or_create(
                panel=self, partnership=partnership, defaults={"status": PanelPartnership.Status.JOINED}
            )


def panel_of(partnership) -> Panel:
    """The partnership's panel (hosted there), made when it has none."""
    return Panel.objects.filter(host=partnership).first() or PanelFactory(host=partnership)


# --- deaths ---------------------------------------------------------------------------------------


class ChildDeathFactory(DjangoModelFactory):
    class Meta:
        model = ChildDeath

    panel = factory.SubFactory(PanelFactory)
    recorded_by = factory.SelfAttribute("panel")
    partnership = factory.SelfAttribute("panel.host")
    reference = next_reference(ChildDeath, "CD-")
    status = ChildDeath.Status.NOTIFIED
    child_name = "Robin Example"
    date_of_birth = dt.date(2013, 3, 4)
    sex = ChildDeath.Sex.FEMALE
    date_of_death = dt.date(2014, 6, 10)
    expected = ChildDeath.Expected.UNEXPECTED
    notified_on = dt.date(2014, 6, 11)
    circumstances = "Found unresponsive at home in the morning."


class FactorFactory(DjangoModelFactory):
    class Meta:
        model = Factor

    death = factory.SubFactory(ChildDeathFactory)
    domain = "family-and-environment"
    description = "Parental smoking in the home."
    contribution = "may-have-contributed"
    modifiable = True


# --- agency reports -------------------------------------------------------------------------------


class AgencyReportFactory(DjangoModelFactory):
    class Meta:
        model = AgencyReport
        skip_postgeneration_save = True

    death = factory.SubFactory(ChildDeathFactory)
    agency = factory.SubFactory(AgencyFactory)
    agency_reference = "REC-1042"
    due_on = dt.date(2030, 1, 31)

    @factory.post_generation
    def response(self, create, extracted, **kwargs):
        """A draft response to the library's agency report questionnaire, as the service starts
        (``response=False``: none; ``response=<Response>``: that one)."""
        if not create or extracted is False:
            return
        if extracted is not None:
            self.response = extracted
            self.save(update_fields=["response"])
            return
        from assure.library.selectors import current_item
        from assure.questionnaires.services import response_start

        questionnaire = current_item(kind="questionnaire", code="cdop-agency-report")
        if questionnaire is None:
            return
        self.response = response_start(
            actor=None,
            partnership=self.death.panel.host,
            questionnaire=questionnaire,
            about=self,
            agency=self.agency,
        )
        self.save(update_fields=["response"])


# --- exchanges ------------------------------------------------------------------------------------


class ExchangeFactory(DjangoModelFactory):
    class Meta:
        model = Exchange

    panel = factory.SubFactory(PanelFactory)
    reference = next_reference(Exchange, "EX-", 3)
    partner_panel = "Sandwell Child Death Overview Panel"


class ExchangeCaseFactory(DjangoModelFactory):
    class Meta:
        model = ExchangeCase

    exchange = factory.SubFactory(ExchangeFactory)
    death = factory.SubFactory(ChildDeathFactory, panel=factory.SelfAttribute("..exchange.panel"))
    code = factory.Sequence(lambda n: f"A{n + 1}")
    summary = "A baby of four months found unresponsive after sleeping on a sofa with a parent."
