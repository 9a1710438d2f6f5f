"""People, their memberships of partnerships (with a role and, for agency roles, an agency) and
the explicit grants that open restricted records to them."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils import timezone


class AssureUserManager(UserManager):
    """Users sign in with their e-mail address; there is no separate username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField("e-mail address", unique=True)
    full_name = models.CharField(max_length=150)
    job_title = models.CharField(max_length=150, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]
    objects = AssureUserManager()

    class Meta:
        ordering = ["full_name"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Membership(models.Model):
    """A person's role in one partnership; agency roles also name the agency they act for."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=60, help_text="A role code from the library's roles document.")
    agency = models.ForeignKey(
        "partnerships.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="memberships"
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership", "role", "agency"],
                condition=models.Q(is_active=True, agency__isnull=False),
                name="membership_unique_active_agency_role",
            ),
            models.UniqueConstraint(
                fields=["user", "partnership", "role"],
                condition=models.Q(is_active=True, agency__isnull=True),
                name="membership_unique_active_role",
            ),
        ]
        ordering = ["partnership__name", "user__full_name"]

    def __str__(self) -> str:
        return f"{self.user} — {self.role} — {self.partnership}"

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class RestrictedGrant(models.Model):
    """An explicit grant that opens one restricted area of one partnership to one person."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="restricted_grants")
    partnership = models.ForeignKey("partnerships.Partnership", on_delete=models.CASCADE, related_name="grants")
    area = models.CharField(max_length=60, help_text="A restricted-area code from the library.")
    reason = models.CharField(max_length=300)
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grants_given", null=True, blank=True
    )
    granted_at = models.DateTimeField(default=timezone.now)
    expires_on = models.DateField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grants_revoked", null=True, blank=True
    )

    class Meta:
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"{self.user} — {self.area} — {self.partnership}"

    def is_live(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and (self.expires_on is None or self.expires_on >= today)

    def trail_partnership_ids(self) -> list[int]:
        return [self.partnership_id]


class ApiToken(models.Model):
    """A person's key for the API. The key (``assure_<public id>_<secret>``) is shown to them once
    and never kept: the row holds the public id, to find the token, and a SHA-256 hash of the
    secret, so someone who reads the database cannot use it. Revoked and expired tokens stay on
    record for the trail and the token page."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    public_id = models.CharField(max_length=8, unique=True)
    key_hash = models.CharField(max_length=64, help_text="SHA-256 of the key's secret, as hex.")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "API token"

    def __str__(self) -> str:
        return f"API token {self.public_id} of {self.user}"

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at

    def is_live(self, now=None) -> bool:
        return self.revoked_at is None and not self.is_expired(now)

    @classmethod
    def live_q(cls, now=None) -> models.Q:
        """The tokens that still work: the filter form of ``is_live``."""
        return models.Q(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class InstallationRole(models.Model):
    """A role held over the whole installation rather than in one partnership (the operator's,
    whose permissions the roles library lists under ``scope: installation``). It opens no
    partnership's records: those still need a membership."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="installation_roles")
    role = models.CharField(max_length=60, help_text="A role code of the library with scope: installation.")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    granted_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"], condition=models.Q(revoked_at__isnull=True), name="installation_role_unique"
            )
        ]
        ordering = ["-granted_at"]

    def __str__(self) -> str:
        return f"{self.user} — {self.role} (installation)"

    @property
    def is_live(self) -> bool:
        return self.revoked_at is None

    def trail_partnership_ids(self) -> list[int]:
        return []
