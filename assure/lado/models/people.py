"""The person an allegation is about: a restricted record.

The name and the date of birth are restricted fields, shown only to designated officers with the
``lado`` grant, every read logged, and masked in the trail. They are held for one purpose: to
find repeat referrals about the same person (``assure/lado/matching.py``). Everywhere else a
referral names the person by their role and employer. ``name_key`` is the name normalised for
matching (lower case, letters only, given names then family name); it is as restricted as the
name."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Person(models.Model):
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.PROTECT, related_name="+")
    given_names = models.CharField(max_length=150, help_text="Restricted.")
    family_name = models.CharField(max_length=150, help_text="Restricted.")
    date_of_birth = models.DateField("date of birth", null=True, blank=True, help_text="Restricted.")
    name_key = models.CharField(max_length=300, db_index=True, editable=False, help_text="Restricted.")
    not_same_as = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        help_text="People the officer has checked are not the same person, so no longer shown as a match.",
    )
    same_as = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The earlier record of the same person, when the officer has joined them.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        # Never the name: the string of a record turns up in logs and the trail.
        return f"Person {self.pk}"

    def save(self, *args, **kwargs):
        from assure.lado.matching import name_key

        self.name_key = name_key(self.given_names, self.family_name)
        super().save(*args, **kwargs)

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]
