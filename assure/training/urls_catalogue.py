"""URLs of the catalogue: the courses and their sessions, a conference's workshops (included by
urls.py in the app's namespace)."""

from django.urls import path

from .views import courses, sessions

urlpatterns: list = [
    path("courses/", courses.course_list, name="courses"),
    path("courses/new/", courses.course_create_view, name="course_create"),
    path("courses/<int:pk>/", courses.course_detail, name="course_detail"),
    path("courses/<int:pk>/edit/", courses.course_edit, name="course_edit"),
    path("courses/<int:pk>/retire/", courses.course_retire_view, name="course_retire"),
    path("courses/<int:pk>/reinstate/", courses.course_reinstate_view, name="course_reinstate"),
    path("courses/<int:pk>/sessions/new/", sessions.session_create_view, name="session_create"),
    path("sessions/", sessions.session_list, name="sessions"),
    path("sessions/<int:pk>/", sessions.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", sessions.session_edit, name="session_edit"),
    path("sessions/<int:pk>/cancel/", sessions.session_cancel_view, name="session_cancel"),
    path("sessions/<int:pk>/workshops/new/", sessions.workshop_create_view, name="workshop_create"),
]
