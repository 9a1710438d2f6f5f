"""What the API says about an observation and a scorecard row: flat, so the same fields make a
JSON object and a CSV row."""

from decimal import ROUND_HALF_UP, Decimal

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..models import Observation

PLACES = Decimal("0.0001")


def plain_number(value: Decimal | int | float | None) -> int | float | None:
    """2626.0000 → 2626 and 27.2000 → 27.2, to the four decimal places figures are stored with
    (a mean of neighbours has more): what a reader, and a spreadsheet, expects."""
    if value is None:
        return None
    value = Decimal(str(value)).quantize(PLACES, ROUND_HALF_UP)
    if value == value.to_integral_value():
        return int(value)
    return float(value.normalize())


@extend_schema_field({"type": "number", "nullable": True})
class NumberField(serializers.Field):
    """A stored decimal as a plain JSON number (or null)."""

    def to_representation(self, value):
        return plain_number(value)


class ObservationSerializer(serializers.ModelSerializer):
    indicator = serializers.CharField(source="indicator.code", help_text="The indicator's code.")
    indicator_title = serializers.CharField(source="definition.title")
    unit = serializers.SerializerMethodField()
    definition_version = serializers.IntegerField(
        source="definition.document.version", help_text="Version of the library document recorded against."
    )
    period = serializers.CharField(source="period.label")
    period_kind = serializers.CharField(source="period.kind")
    period_start = serializers.DateField(source="period.start")
    period_end = serializers.DateField(source="period.end")
    source_label = serializers.CharField(source="get_source_display")
    area = serializers.CharField(source="area.code", default=None, allow_null=True)
    area_name = serializers.CharField(source="area.name", default=None, allow_null=True)
    area_level = serializers.CharField(source="area.level", default=None, allow_null=True)
    agency = serializers.CharField(source="agency.name", default=None, allow_null=True)
    value = NumberField()
    numerator = NumberField()
    denominator = NumberField()
    missing_label = serializers.SerializerMethodField()
    publication = serializers.CharField(source="publication.title", default=None, allow_null=True)
    publication_file = serializers.CharField(source="publication.file_name", default=None, allow_null=True)
    imported_at = serializers.DateTimeField(source="publication.imported_at", default=None, allow_null=True)
    validated_at = serializers.DateTimeField(source="data_return.validated_at", default=None, allow_null=True)

    class Meta:
        model = Observation
        fields = [
            "id",
            "indicator",
            "indicator_title",
            "unit",
            "definition_version",
            "period",
            "period_kind",
            "period_start",
            "period_end",
            "source",
            "source_label",
            "area",
            "area_name",
            "area_level",
            "agency",
            "value",
            "numerator",
            "denominator",
            "missing",
            "missing_label",
            "comment",
            "publication",
            "publication_file",
            "imported_at",
            "validated_at",
            "provenance",
            "recorded_at",
        ]

    def get_unit(self, observation: Observation) -> str:
        return observation.definition.data.get("unit", "")

    def get_missing_label(self, observation: Observation) -> str:
        return observation.get_missing_display() if observation.missing else ""


class ScorecardRowSerializer(serializers.Serializer):
    """One line of the scorecard for the period asked: the value the board reads (its agencies'
    validated returns, or the published series where they return none), the figure before it,
    the RAG rating and the published benchmarks of the same year."""

    priority = serializers.CharField()
    indicator = serializers.CharField(help_text="The indicator's code.")
    indicator_title = serializers.CharField()
    unit = serializers.CharField()
    polarity = serializers.CharField()
    owner_agency = serializers.CharField(allow_blank=True)
    period = serializers.CharField()
    value = NumberField()
    value_source = serializers.CharField(allow_blank=True, help_text="Where the value comes from.")
    local_value = NumberField(
        help_text="The partnership's own figure: its agencies' validated returns, or else its local import."
    )
    local_missing = serializers.CharField(allow_blank=True)
    published_indicator = serializers.CharField(allow_blank=True, help_text="The published measure beside it.")
    published_year = serializers.CharField(allow_blank=True)
    published_value = NumberField(help_text="The DfE's published figure for the local authority and year.")
    published_missing = serializers.CharField(allow_blank=True)
    previous_value = NumberField()
    previous_period = serializers.CharField(allow_blank=True)
    direction = serializers.CharField(allow_null=True, help_text="improving, worsening or no_change.")
    target = NumberField()
    tolerance = NumberField()
    rag = serializers.CharField(allow_null=True, help_text="green, amber or red.")
    england = NumberField()
    region = NumberField()
    neighbours_mean = NumberField()
    neighbours_counted = serializers.IntegerField(allow_null=True)
    quartile_band = serializers.CharField(allow_null=True, help_text="A (best quarter of authorities) to D.")
    rank = serializers.IntegerField(allow_null=True, help_text="1 is best; tied authorities share a rank.")
    ranked = serializers.IntegerField(allow_null=True, help_text="How many authorities were ranked.")


class ScorecardSerializer(serializers.Serializer):
    period = serializers.CharField(allow_null=True)
    period_kind = serializers.CharField(allow_null=True)
    year = serializers.CharField(allow_null=True, help_text="The financial year the benchmarks are for.")
    area = serializers.CharField(allow_blank=True, help_text="The partnership's local authority.")
    region = serializers.CharField(allow_blank=True)
    periods = serializers.ListField(child=serializers.CharField(), help_text="Periods with figures, newest first.")
    rows = ScorecardRowSerializer(many=True)
