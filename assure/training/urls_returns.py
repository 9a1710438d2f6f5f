"""E-learning completions, single-agency training returns and representation at training."""

from django.urls import path

from .views import elearning, representation, returns

urlpatterns: list = [
    path("elearning/", elearning.elearning, name="elearning"),
    path("elearning/import/", elearning.elearning_import, name="elearning_import"),
    path("returns/", returns.returns, name="returns"),
    path("returns/mine/", returns.return_mine, name="return_mine"),
    path("returns/mine/upload/", returns.return_upload_view, name="return_upload"),
    path("returns/mine/template/", returns.return_template, name="return_template"),
    path("returns/<int:pk>/", returns.return_detail, name="return_detail"),
    path("returns/<int:pk>/reopen/", returns.return_reopen_view, name="return_reopen"),
    path("returns/agencies/<int:agency>/remind/", returns.return_remind_view, name="return_remind"),
    path("representation/", representation.representation, name="representation"),
]
