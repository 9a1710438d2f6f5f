"""Updates the designated officer asks of the employer's case manager, who has no account: the
officer asks a question by a date, the case manager gets an e-mail with a link to a public page
where they read the question and answer it, the officers are told when the answer comes in, and
the case manager is reminded (by the officer's "Send a reminder", or by the daily
``lado-update-request`` reminder source) until they answer or the officer withdraws the request.

The link's secret is derived from the request with the installation's secret key, the way
Django's password reset links are, so that a reminder can carry the same link again; only its
digest (``assure.core.secrets.token_digest``) is stored, and the page looks the request up by it.
Nothing sent to the employer, nor their page, names the person the allegation is about: the
referral is named by its reference and the employer."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from assure.accounts.models import User
from assure.accounts.recipients import roles_granting
from assure.audit.services import event_record
from assure.core.secrets import token_digest
from assure.notifications.models import Reminder
from assure.notifications.reminders import ReminderDue
from assure.notifications.services import notify, notify_address, reminder_send

from ..models import Referral, UpdateRequest
from ..permissions import can_manage_cases, ensure_may_handle_referral
from ..selectors.handling import referral_page_url
from .handling import day_text

REMINDER_RULE = "lado-update-request"
MANAGE = "lado.manage"
ANSWER_LIMIT = 10_000


class LinkNotValid(Exception):
    """The link names no update request of the partnership (mistyped, or not ours)."""


def update_token(update: UpdateRequest) -> str:
    """The secret of the request's link: derived from the request with the secret key, never
    stored (its digest is)."""
    created = update.created_at.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S")
    return salted_hmac(
        "assure.lado.update-request", f"{update.pk}:{update.referral_id}:{created}", algorithm="sha256"
    ).hexdigest()


def link_token(update: UpdateRequest) -> str | None:
    """The request's link secret when its stored digest is that of the derived one (a request
    made otherwise, such as the demo's, has a link that cannot be sent again)."""
    token = update_token(update)
    return token if token_digest(token) == update.token_digest else None


def answer_path(partnership, token: str) -> str:
    """The public page where the case manager answers, by the link's secret."""
    return reverse("allegations:update", kwargs={"partnership": partnership.slug, "token": token})


def _words(update: UpdateRequest) -> str:
    referral = update.referral
    return f"referral {referral.reference} ({referral.employer_name})"


def _problems(*, asked_of_name: str, asked_of_email: str, question: str, due_on: dt.date | None) -> dict[str, str]:
    problems = {}
    if not asked_of_name.strip():
        problems["asked_of_name"] = "Enter the name of the person asked."
    if not asked_of_email.strip():
        problems["asked_of_email"] = "Enter the e-mail address the question goes to."
    else:
        try:
            validate_email(asked_of_email.strip())
        except ValidationError:
            problems["asked_of_email"] = "Enter an e-mail address like name@example.org."
    if not question.strip():
        problems["question"] = "Enter the question."
    if due_on is None:
        problems["due_on"] = "Enter the date the answer is needed by."
    elif due_on < timezone.localdate():
        problems["due_on"] = "The date the answer is needed by cannot be in the past."
    return problems


@transaction.atomic
def update_request(
    *,
    actor,
    partnership,
    referral: Referral,
    asked_of_name: str,
    asked_of_email: str,
    question: str,
    due_on: dt.date | None,
) -> UpdateRequest:
    """Ask the employer's case manager a question about the referral by ``due_on``: they are
    e-mailed a link to the page where they answer it, without an account."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=referral)
    problems = _problems(asked_of_name=asked_of_name, asked_of_email=asked_of_email, question=question, due_on=due_on)
    if problems:
        raise ValidationError(problems)
    update = UpdateRequest.objects.create(
        referral=referral,
        asked_of_name=asked_of_name.strip(),
        asked_of_email=asked_of_email.strip(),
        question=question.strip(),
        due_on=due_on,
        token_digest="",
        created_by=actor,
    )
    token = update_token(update)
    update.token_digest = token_digest(token)
    update.save(update_fields=["token_digest"])
    notify_address(
        address=update.asked_of_email,
        partnership=partnership,
        kind="lado.update_request",
        subject=f"{partnership.name}: an update on allegation referral {referral.reference} by {day_text(due_on)}",
        body=(
            f"Dear {update.asked_of_name},\n\n"
            f"The designated officer of {partnership.name} asks you for an update on {_words(update)} by "
            f"{day_text(due_on)}.\n\nFollow the link below to read the question and answer it; you do not need an "
            "account. Do not forward this e-mail: anyone with the link can read the question and answer it."
        ),
        path=answer_path(partnership, token),
        target=update,
    )
    event_record(
        actor=actor,
        verb="lado.update_requested",
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference}: update asked of the employer by {day_text(due_on)}",
        data={"update": update.pk, "due_on": due_on.isoformat()},
    )
    return update


def update_by_token(*, partnership, token: str) -> UpdateRequest:
    """The request of the partnership whose link this is (public: no user). LinkNotValid when
    there is none."""
    if not token or len(token) > 200:
        raise LinkNotValid
    update = (
        UpdateRequest.objects.filter(token_digest=token_digest(token), referral__partnership=partnership)
        .select_related("referral")
        .first()
    )
    if update is None:
        raise LinkNotValid
    return update


def officers(partnership) -> list[User]:
    """The partnership's designated officers who hold the ``lado`` grant: those told an answer has
    come in."""
    people = (
        User.objects.filter(
            memberships__partnership=partnership,
            memberships__is_active=True,
            memberships__role__in=roles_granting(MANAGE),
            is_active=True,
        )
        .distinct()
        .order_by("full_name")
    )
    return [person for person in people if can_manage_cases(user=person, partnership=partnership)]


@transaction.atomic
def update_answer(*, partnership, token: str, answer: str) -> UpdateRequest:
    """The case manager's answer, through the link (public: no account). The officers are told.
    Once answered or withdrawn, the request takes no other answer."""
    update = update_by_token(partnership=partnership, token=token)
    referral = update.referral
    if not update.is_outstanding:
        raise ValidationError(
            {"answer": "This question has been answered already or is no longer needed: nothing more is needed."}
        )
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": "Enter your answer."})
    if len(answer) > ANSWER_LIMIT:
        raise ValidationError({"answer": f"Your answer must be {ANSWER_LIMIT:,} characters or fewer."})
    update.answer = answer
    update.answered_at = timezone.now()
    update.save(update_fields=["answer", "answered_at"])
    people = officers(partnership)
    if people:
        notify(
            recipients=people,
            partnership=partnership,
            kind="lado.update_answered",
            subject=f"{referral.reference}: {referral.employer_name} has answered your question",
            body=(
                f"{referral.employer_name} has answered the update asked on {_words(update)}. Read the answer on the "
                "referral's page."
            ),
            path=referral_page_url(partnership, referral.pk),
            target=update,
        )
    event_record(
        actor=None,
        verb="lado.update_answered",
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference}: the employer answered the update asked",
        data={"update": update.pk},
    )
    return update


def reminder_text(update: UpdateRequest, today: dt.date, *, with_link: bool) -> tuple[str, str]:
    due = day_text(update.due_on)
    reference = update.referral.reference
    if update.due_on < today:
        subject = f"Overdue: the update on allegation referral {reference}, due {due}"
        opening = f"The designated officer's question on {_words(update)} was due to be answered on {due}."
    else:
        subject = f"Reminder: the update on allegation referral {reference} is due {due}"
        opening = f"The designated officer's question on {_words(update)} is due to be answered on {due}."
    how = (
        "Follow the link below to read the question and answer it."
        if with_link
        else "Answer it through the link in the designated officer's e-mail, or ask them to send it again."
    )
    return subject, f"Dear {update.asked_of_name},\n\n{opening}\n\n{how}"


def _reminder(update: UpdateRequest, partnership, today: dt.date) -> dict:
    token = link_token(update)
    subject, body = reminder_text(update, today, with_link=token is not None)
    return {
        "subject": subject,
        "body": body,
        "path": answer_path(partnership, token) if token else "",
        "kind": "lado.update_reminder",
        "addresses": (update.asked_of_email,),
    }


@transaction.atomic
def update_remind(*, actor, partnership, update: UpdateRequest, today: dt.date | None = None) -> Reminder | None:
    """The officer's "Send a reminder" to the case manager, with the link again. Once a day at
    most: None when the request was reminded today already."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=update.referral)
    update.refresh_from_db(fields=["answered_at", "withdrawn_at"])  # answered meanwhile, by the link
    if not update.is_outstanding:
        raise ValidationError("This update has been answered or withdrawn: nothing to chase.")
    today = today or timezone.localdate()
    reminder = reminder_send(
        actor=actor,
        target=update,
        partnership=partnership,
        recipients=[],
        today=today,
        **_reminder(update, partnership, today),
    )
    if reminder is not None:
        update.last_reminded_at = timezone.now()
        update.save(update_fields=["last_reminded_at"])
    return reminder


def updates_reminders_due(*, today: dt.date) -> list[ReminderDue]:
    """The ``lado-update-request`` reminder source: every request still outstanding on an open
    referral, in every partnership, to its case manager's address; in one query."""
    awaited = (
        UpdateRequest.objects.filter(answered_at__isnull=True, withdrawn_at__isnull=True)
        .filter(referral__status=Referral.Status.OPEN)
        .select_related("referral", "referral__partnership")
        .order_by("due_on", "pk")
    )
    return [
        ReminderDue(
            target=update,
            partnership=update.referral.partnership,
            deadline=update.due_on,
            **_reminder(update, update.referral.partnership, today),
        )
        for update in awaited
    ]


@transaction.atomic
def update_withdraw(*, actor, partnership, update: UpdateRequest, reason: str) -> UpdateRequest:
    """The update is no longer needed: the reason is kept with the event, the link stops taking an
    answer and the case manager is told."""
    ensure_may_handle_referral(user=actor, partnership=partnership, referral=update.referral)
    update.refresh_from_db(fields=["answered_at", "withdrawn_at"])  # answered meanwhile, by the link
    if not update.is_outstanding:
        raise ValidationError({"reason": "This update has been answered or withdrawn already."})
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": "Say why the update is no longer needed."})
    referral = update.referral
    update.withdrawn_at = timezone.now()
    update.save(update_fields=["withdrawn_at"])
    notify_address(
        address=update.asked_of_email,
        partnership=partnership,
        kind="lado.update_withdrawn",
        subject=f"{partnership.name}: the update on allegation referral {referral.reference} is no longer needed",
        body=(
            f"Dear {update.asked_of_name},\n\nThe designated officer no longer needs the update asked on "
            f"{_words(update)} on {day_text(timezone.localtime(update.created_at).date())}. Nothing more is needed "
            "from you."
        ),
        path="",
        target=update,
    )
    event_record(
        actor=actor,
        verb="lado.update_withdrawn",
        target=referral,
        partnership=partnership,
        summary=f"{referral.reference}: the update asked of the employer is no longer needed",
        data={"update": update.pk, "reason": reason},
    )
    return update
