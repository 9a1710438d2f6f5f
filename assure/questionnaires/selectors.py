"""Reads of the questionnaires of the library, for the business unit's pages that list them,
outline one, and check a questionnaire file before it is added. Only Assure's questionnaires and
the partnership's own are shown; another partnership's own are not its business."""

from __future__ import annotations

from dataclasses import dataclass, field

from assure.library.models import LibraryItem
from assure.library.schemas import SHIPPED_PROVIDER
from assure.library.selectors import current_items, role_definitions
from assure.library.uploads import uploaded_document_check
from assure.partnerships.models import Partnership

from .definition import Questionnaire, questionnaire_of
from .outline import OutlineSection, outline_of
from .permissions import can_check_questionnaires

KIND = "questionnaire"

VERIFICATION_WORDS = {
    "verified": "Verified word for word against its source",
    "paraphrase": "Paraphrased from its sources",
    "check": "Compiled: to check against a source before relying on the wording",
}


@dataclass(frozen=True)
class QuestionnaireRow:
    code: str
    title: str
    purpose: str
    version: int
    provider: str
    sections: int
    questions: int
    verification: str


def _provenance(item: LibraryItem) -> dict:
    return item.data.get("provenance") or item.document.content.get("provenance") or {}


def _counts(questionnaire: Questionnaire) -> tuple[int, int]:
    return len(questionnaire.sections), len(questionnaire.questions())


def _visible(partnership: Partnership):
    return current_items(kind=KIND).filter(document__provider__in=(SHIPPED_PROVIDER, partnership.slug))


def questionnaires_available(*, user, partnership: Partnership) -> list[QuestionnaireRow]:
    """The newest version of every questionnaire Assure ships and the partnership's own, for
    the business unit; nothing for anyone else."""
    if not can_check_questionnaires(user=user, partnership=partnership):
        return []
    rows = []
    for item in _visible(partnership):
        questionnaire = questionnaire_of(item)
        sections, questions = _counts(questionnaire)
        rows.append(
            QuestionnaireRow(
                code=item.code,
                title=item.title,
                purpose=item.data.get("purpose", ""),
                version=item.document.version,
                provider=item.document.provider,
                sections=sections,
                questions=questions,
                verification=_provenance(item).get("verification", ""),
            )
        )
    return rows


def _titles() -> tuple[dict[str, str], dict[str, str]]:
    roles = {code: role.title for code, role in role_definitions().items()}
    agency_types = dict(current_items(kind="agency-type").values_list("code", "title"))
    return roles, agency_types


def outline_sections(questionnaire: Questionnaire) -> list[OutlineSection]:
    """The questionnaire's outline, with the library's titles of the roles and agency types its
    sections name. Reads the library, which needs no user."""
    roles, agency_types = _titles()
    return outline_of(questionnaire, role_titles=roles, agency_type_titles=agency_types)


@dataclass(frozen=True)
class QuestionnaireOutline:
    code: str
    title: str
    description: str
    purpose: str
    version: int
    provider: str
    provenance: dict
    sections: list[OutlineSection]

    @property
    def verification_words(self) -> str:
        return VERIFICATION_WORDS.get(self.provenance.get("verification", ""), "")

    @property
    def question_count(self) -> int:
        return sum(len(section.questions) for section in self.sections)


def questionnaire_outline(*, user, partnership: Partnership, code: str) -> QuestionnaireOutline | None:
    """The newest version of the questionnaire ``code`` in outline, for the business unit; None
    for anyone else, or when the library has no such questionnaire for the partnership."""
    if not can_check_questionnaires(user=user, partnership=partnership):
        return None
    item = _visible(partnership).filter(code=code).first()
    if item is None:
        return None
    questionnaire = questionnaire_of(item)
    return QuestionnaireOutline(
        code=item.code,
        title=item.title,
        description=item.data.get("description", ""),
        purpose=item.data.get("purpose", ""),
        version=item.document.version,
        provider=item.document.provider,
        provenance=_provenance(item),
        sections=outline_sections(questionnaire),
    )


@dataclass(frozen=True)
class CheckedQuestionnaire:
    code: str
    title: str
    purpose: str
    sections: list[OutlineSection]

    @property
    def question_count(self) -> int:
        return sum(len(section.questions) for section in self.sections)


@dataclass(frozen=True)
class FileCheck:
    """What checking a questionnaire file found: its problems (each naming the file, the URN
    and the question), or the questionnaires it would add, in outline."""

    problems: list[str]
    title: str = ""
    version: int | None = None
    questionnaires: list[CheckedQuestionnaire] = field(default_factory=list)


def questionnaire_file_check(*, user, partnership: Partnership, name: str, content: bytes) -> FileCheck:
    """Validate an uploaded questionnaire file with the library's loader, writing nothing: not to
    the library, not to the database. The roles and agency types it names must be in the library
    already; its provider is Assure or the partnership."""
    if not can_check_questionnaires(user=user, partnership=partnership):
        return FileCheck(problems=["You cannot check questionnaire files in this partnership."])
    checked = uploaded_document_check(
        name=name, content=content, kind=KIND, provider=partnership.slug, noun="questionnaire"
    )
    if checked.document is None:
        return FileCheck(problems=checked.problems)
    document = checked.document
    header = document.header
    roles, agency_types = _titles()
    return FileCheck(
        problems=[],
        title=header.title,
        version=header.version,
        questionnaires=[
            CheckedQuestionnaire(
                code=item.code,
                title=item.title,
                purpose=item.purpose,
                sections=outline_of(Questionnaire(item=item), role_titles=roles, agency_type_titles=agency_types),
            )
            for item in document.items
        ],
    )
