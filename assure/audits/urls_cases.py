"""URLs of the case files audited (included by urls.py under the app's namespace): a file added,
removed, its page, an agency's answers, the lead auditor's grade, moderation, the audit started,
and the reminder of answers awaited."""

from django.urls import path

from .views import cases

urlpatterns: list = [
    path("<int:pk>/cases/add/", cases.case_add_view, name="case_add"),
    path("<int:pk>/start/", cases.audit_start_view, name="audit_start"),
    path("case-files/<int:pk>/", cases.case_detail_view, name="case_detail"),
    path("case-files/<int:pk>/remove/", cases.case_remove_view, name="case_remove"),
    path("case-files/<int:pk>/grade/", cases.case_grade_view, name="case_grade"),
    path("case-files/<int:pk>/moderate/", cases.case_moderate_view, name="case_moderate"),
    path("answers/<int:pk>/", cases.case_answers_view, name="case_answers"),
    path("answers/<int:pk>/remind/", cases.answers_remind_view, name="answers_remind"),
]
