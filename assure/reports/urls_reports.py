"""URLs of reports: the register, making reports, a report's page, its sections and their data
blocks."""

from django.urls import path

from .views import blocks, sections
from .views import reports as views

urlpatterns = [
    path("", views.reports, name="reports"),
    path("annual/new/", views.report_create_view, name="report_create"),
    path("board-packs/new/", views.board_pack_create_view, name="board_pack_create"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/refresh/", views.report_refresh, name="report_refresh"),
    path("<int:pk>/publish/", views.report_publish_view, name="report_publish"),
    path("<int:pk>/correct/", views.report_correct_view, name="report_correct"),
    path("my-sections/", sections.my_sections, name="my_sections"),
    path("sections/<int:pk>/", sections.section_detail, name="section_detail"),
    path("sections/<int:pk>/request/", sections.section_request_view, name="section_request"),
    path("sections/<int:pk>/accept/", sections.section_accept_view, name="section_accept"),
    path("sections/<int:pk>/send-back/", sections.section_return_view, name="section_return"),
    path("sections/<int:pk>/leave-out/", sections.section_omit_view, name="section_omit"),
    path("sections/<int:pk>/put-back/", sections.section_include_view, name="section_include"),
    path("sections/<int:pk>/remind/", sections.section_remind_view, name="section_remind"),
    path("sections/<int:pk>/blocks/add/", blocks.block_add_view, name="block_add"),
    path("blocks/<int:pk>/remove/", blocks.block_remove_view, name="block_remove"),
    path("blocks/<int:pk>/move/", blocks.block_move_view, name="block_move"),
]
