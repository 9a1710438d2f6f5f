"""What the partnership expects of each sector: the number of referrals a year below which the
figures highlight the sector (the seed's "lack of referrals from Health sector and faith
organisations")."""

from django.db import models


class SectorExpectation(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="+")
    sector = models.CharField(max_length=40, help_text="A code of the library's lado-sector.")
    expected_per_year = models.PositiveIntegerField(
        "referrals expected a year", help_text="Fewer referrals than this in a year highlights the sector."
    )

    class Meta:
        ordering = ["partnership", "sector"]
        constraints = [models.UniqueConstraint(fields=["partnership", "sector"], name="lado_sector_expectation")]

    def __str__(self) -> str:
        return f"{self.sector}: {self.expected_per_year} a year"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
