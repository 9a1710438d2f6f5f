"""Settings shared by every environment.

Everything that differs between machines or is secret comes from the environment. With nothing
set, Assure runs on an embedded SQLite database with the immediate task backend, which is what
the demo and a developer need.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LIBRARY_DIR = BASE_DIR / "library"

# Development default only; production.py refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "assure-development-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "auditlog",
    "django_tables2",
    "django_filters",
    "django_htmx",
    "assure.core",
    "assure.library",
    "assure.accounts",
    "assure.partnerships",
    "assure.actions",
    "assure.audit",
    "assure.notifications",
    "assure.plans",
    "assure.questionnaires",
    "assure.clocks",
    "assure.performance",
    "assure.section11",
    "assure.governance",
    "assure.audits",
    "assure.reviews",
    "assure.cdop",
    "assure.lado",
    "assure.training",
    "assure.registers",
    "assure.engagement",
    "assure.reports",
    "assure.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "assure.accounts.middleware.SessionLifetimeMiddleware",
    "assure.accounts.middleware.InactivityTimeoutMiddleware",
    "assure.accounts.middleware.RequireMfaMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "assure" / "core" / "templates" / "overrides"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "assure.core.context_processors.shell",
            ],
        },
    },
]
FORM_RENDERER = "assure.core.forms.GovukFormRenderer"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'var' / 'assure.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # SQLite ignores SELECT ... FOR UPDATE: taking the write lock when a transaction begins makes
    # writes queue one after the other, so counting a session's places and booking one cannot
    # interleave (no session is ever over-booked); waiting writers retry for up to 20 seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("ASSURE_TASK_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"),
    }
}

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"

# allauth: e-mail sign-in, no self sign-up (the business unit adds people), MFA by TOTP.
ACCOUNT_ADAPTER = "assure.accounts.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
# Unknown addresses get no e-mail at all (there is no sign-up page to point them at).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# Five failed sign-ins for one account in 15 minutes lock that account for the rest of the window.
# That is the main defence; the limit per client address only slows one machine trying many
# accounts. The counters live in the cache (CACHES), which every worker shares.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "20/m/ip,5/15m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# The client's address, for that limit. Behind a proxy every request comes from the proxy's own
# address, so the proxy's header is believed instead, and only when configured: either the header
# the proxy sets to the client's address (ASSURE_TRUSTED_PROXY_HEADER, e.g. X-Real-IP), or the
# number of proxies that append to X-Forwarded-For (ASSURE_TRUSTED_PROXY_COUNT). With neither,
# forwarded addresses are ignored: anyone can send them.
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = os.environ.get("ASSURE_TRUSTED_PROXY_HEADER") or None
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("ASSURE_TRUSTED_PROXY_COUNT", "0"))
MFA_ADAPTER = "assure.accounts.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Assure"
MFA_RECOVERY_CODE_COUNT = 10

# A session ends this long after signing in, however busy it is (SessionLifetimeMiddleware)...
ASSURE_SESSION_LIFETIME = timedelta(seconds=int(os.environ.get("ASSURE_SESSION_SECONDS", str(8 * 60 * 60))))
# ...or after this long without a request (InactivityTimeoutMiddleware), whichever comes first.
ASSURE_INACTIVITY_TIMEOUT = timedelta(minutes=int(os.environ.get("ASSURE_INACTIVITY_MINUTES", "30")))
# The session store moves a session's expiry on at every request, so it cannot enforce the
# lifetime itself; it only keeps no session longer than one may last.
SESSION_COOKIE_AGE = int(ASSURE_SESSION_LIFETIME.total_seconds())
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The CSRF token and the messages shown after an action (which may name a file, and so a child)
# live in the session, so the session cookie is the only cookie Assure sets.
CSRF_USE_SESSIONS = True
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# One cache shared by every worker, in the database: sign-in failure counters, used TOTP codes
# and computed scorecards must be seen by every process and survive a restart. Its table is made
# by `manage.py createcachetable` (after `migrate`). MAX_ENTRIES is generous so that a flood of
# failed sign-ins cannot push another account's counter out.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "assure_cache",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    }
}

# E-mail (password resets): printed on the console unless ASSURE_SMTP_HOST names a server.
if os.environ.get("ASSURE_SMTP_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": os.environ["ASSURE_SMTP_HOST"],
                "port": int(os.environ.get("ASSURE_SMTP_PORT", "587")),
                "username": os.environ.get("ASSURE_SMTP_USER", ""),
                "password": os.environ.get("ASSURE_SMTP_PASSWORD", ""),
                "use_tls": os.environ.get("ASSURE_SMTP_TLS", "1") == "1",
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "assure@localhost")
# The address people reach this installation at: e-mails link to it (no request is at hand on
# the task worker).
ASSURE_SITE_URL = os.environ.get("ASSURE_SITE_URL", "http://localhost:8000")

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# Where collectstatic puts the static files (WhiteNoise serves them from there in production).
STATIC_ROOT = Path(os.environ.get("ASSURE_STATIC_ROOT", BASE_DIR / "var" / "static"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded evidence is private: it lives outside any served folder and is streamed by views
# that check permission first.
MEDIA_ROOT = Path(os.environ.get("ASSURE_PRIVATE_FILES", BASE_DIR / "var" / "private"))

DJANGO_TABLES2_TEMPLATE = "core/tables/table.html"
DJANGO_TABLES2_TABLE_ATTRS = {"class": "govuk-table"}

AUDITLOG_INCLUDE_ALL_MODELS = False
AUDITLOG_DISABLE_REMOTE_ADDR = True

# No personal data in logs: requests are not logged with their bodies, and errors are mailed to
# nobody by default. A refusal (403) is one line, its path, without the traceback that would
# carry whatever the refusing code said.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"refusals_in_one_line": {"()": "assure.core.log_filters.RefusalsInOneLine"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("ASSURE_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"filters": ["refusals_in_one_line"]},
        "django.security": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}

ASSURE_DEMO = os.environ.get("ASSURE_DEMO", "") == "1"

# Field history (django-auditlog) of every model that holds partnership data. The text of
# confidential minutes is restricted, so its history records that it changed, not what it says.
AUDITLOG_INCLUDE_TRACKING_MODELS = (
    "partnerships.Partnership",
    "partnerships.Agency",
    "partnerships.PartnershipAgency",
    {"model": "partnerships.Subgroup", "m2m_fields": {"agencies"}},
    "partnerships.Meeting",
    "partnerships.Attendance",
    {
        "model": "partnerships.ConfidentialMinute",
        "mask_fields": ["heading", "text"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "partnerships.Contribution",
    "partnerships.Expenditure",
    "accounts.Membership",
    "accounts.RestrictedGrant",
    "actions.Action",
    "actions.ActionUpdate",
    "actions.CancellationProposal",
    "performance.Observation",
    "performance.ReturnRound",
    {"model": "performance.DataReturn", "m2m_fields": {"indicators"}},
    "performance.ScorecardLine",
    "performance.ExceptionReport",
    "performance.ExceptionItem",
    "performance.Publication",
    "performance.ImportJob",
    "section11.Cycle",
    "section11.Return",
    "section11.Response",
    "section11.ChallengeMessage",
    "section11.EvidenceFile",
    "reports.Report",
    "reports.Section",
    "reports.Block",
    "reports.Rendering",
    "governance.Challenge",
    "governance.Risk",
    "governance.RiskReview",
    "governance.AgendaItem",
    "governance.MeetingMinutes",
    "questionnaires.Response",
    {
        "model": "questionnaires.Answer",
        "mask_fields": ["text"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "audits.Programme",
    {"model": "audits.Audit", "m2m_fields": {"agencies"}},
    "audits.CaseAudit",
    "audits.CaseReference",
    "audits.Finding",
    "audits.Conference",
    # Case reviews: named case content is masked in the trail (it says what changed, never what it says).
    {
        "model": "reviews.Referral",
        "m2m_fields": {"agencies_involved"},
        "mask_fields": ["case_reference", "reasons", "chronology", "confirmation_digest", "status_digest", "letter"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    {
        "model": "reviews.Incident",
        "mask_fields": ["case_reference", "circumstances", "rapid_review_reasons"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    {
        "model": "reviews.Review",
        "m2m_fields": {"agencies"},
        "mask_fields": ["terms_of_reference", "panel"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "reviews.Contribution",
    {
        "model": "reviews.Conversation",
        "mask_fields": ["notes"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "reviews.ReviewFinding",
    "reviews.Recommendation",
    "reviews.ProgressReport",
    "reviews.Briefing",
    # Child deaths: the child's name and what is written about the death are masked in the trail.
    "cdop.Panel",
    "cdop.PanelPartnership",
    {
        "model": "cdop.ChildDeath",
        "m2m_fields": {"agencies_involved"},
        "mask_fields": [
            "child_name",
            "date_of_birth",
            "cause_on_certificate",
            "circumstances",
            "review_meeting_notes",
            "learning",
            "notifier_name",
        ],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    {"model": "cdop.Factor", "mask_fields": ["description"], "mask_callable": "assure.audit.masking.mask_completely"},
    "cdop.AgencyReport",
    "cdop.Exchange",
    {
        "model": "cdop.ExchangeCase",
        "mask_fields": ["summary", "their_notes"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    # Allegations: the person's name and date of birth, what was alleged, the advice, the meetings'
    # decisions and the employer's answers are masked in the trail; so are the links' digests.
    {
        "model": "lado.Person",
        "mask_fields": ["given_names", "family_name", "date_of_birth", "name_key"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    {
        "model": "lado.Referral",
        "mask_fields": ["description", "advice_given", "confirmation_digest", "status_digest"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "lado.Child",
    {"model": "lado.Meeting", "mask_fields": ["decisions"], "mask_callable": "assure.audit.masking.mask_completely"},
    {
        "model": "lado.UpdateRequest",
        "mask_fields": ["answer", "token_digest"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "lado.SectorExpectation",
    # Training: the links' digests are masked; a practitioner's own details are ordinary personal
    # data, kept in the trail like a member's.
    {
        "model": "training.Practitioner",
        "mask_fields": ["verification_digest"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "training.Course",
    "training.Session",
    {
        "model": "training.Booking",
        "mask_fields": ["approval_digest"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    "training.Evaluation",
    "training.Quote",
    "training.TrainingReturn",
    # Registers: entries hold no name by design; a provider's link digest is masked.
    "registers.Entry",
    "registers.Upload",
    "registers.MonitoredUnder",
    {
        "model": "registers.Provider",
        "mask_fields": ["verification_digest"],
        "mask_callable": "assure.audit.masking.mask_completely",
    },
    # Engagement: a survey's responses are the questionnaire engine's and are not traced here.
    "engagement.Campaign",
    "engagement.Activity",
    "engagement.Measure",
    "engagement.Survey",
    "engagement.Voice",
    "engagement.Event",
    "plans.Plan",
    "plans.Priority",
    "plans.Objective",
    "plans.PriorityReview",
    "plans.ReviewEvidence",
)

# --- Read-only API of the core dataset (assure/performance/api) --------------------------------
# Django REST framework with per-user tokens ("Authorization: Token <key>", kept as a hash:
# assure/accounts/api_auth.py) or the session. Every endpoint names its own permission class; the
# default refuses everything, so an endpoint that forgets one serves nothing. Token first: an
# unauthenticated request is answered 401 with a WWW-Authenticate header, not 403.
INSTALLED_APPS += ["rest_framework", "drf_spectacular"]
# How long a new API token works; its holder then makes a new one.
ASSURE_API_TOKEN_LIFETIME = timedelta(days=int(os.environ.get("ASSURE_API_TOKEN_DAYS", "90")))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "assure.accounts.api_auth.ApiTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["assure.performance.api.permissions.DenyAll"],
    # JSON only: the browsable API needs scripts the content security policy does not allow.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"user": os.environ.get("ASSURE_API_RATE", "2000/hour")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Assure core dataset API",
    "DESCRIPTION": "Read-only observations and scorecards of a safeguarding children partnership.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
}
# --- end of the API block -----------------------------------------------------------------------
